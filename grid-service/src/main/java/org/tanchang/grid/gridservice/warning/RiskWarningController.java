package org.tanchang.grid.gridservice.warning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.gridservice.ProblemResponses.BadRequest;
import org.tanchang.grid.gridservice.ProblemResponses.NotFound;
import org.tanchang.grid.gridservice.warning.RiskWarning.State;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.workflow.WorkflowStep;

/** Risk warnings (预警研判): raised by the warning rules, handled by the supervisors of the warning's area. */
@RestController
@RequestMapping("/api/risk-warnings")
@Tag(name = "Risk warnings", description = "Early warnings raised by the rules (预警研判) and their handling")
class RiskWarningController {

    private final Warnings warnings;

    RiskWarningController(Warnings warnings) {
        this.warnings = warnings;
    }

    @GetMapping
    @Allowed({Roles.SUPERVISOR, Roles.OFFICER, Roles.ADMIN})
    @Operation(operationId = "listRiskWarnings", summary = "List risk warnings",
            description = "The warnings about areas within the caller's area: open ones first, newest first; "
                    + "optionally under an area code, in one state or of one rule.")
    @ApiResponse(responseCode = "200", description = "A page of warnings")
    @BadRequest("Invalid filter or paging")
    Page<RiskWarningView> list(Caller caller,
            @Parameter(example = "\"621223101\"") @RequestParam(required = false)
            @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}|\\d{15}") String areaCode,
            @Parameter(example = "RAISED") @RequestParam(required = false) State state,
            @Parameter(example = "disputes-of-one-type-in-a-village") @RequestParam(required = false)
            @Pattern(regexp = "[a-z0-9-]{1,60}") String rule,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return warnings.list(caller, areaCode, state, rule, page, size);
    }

    @GetMapping("/{id}")
    @Allowed({Roles.SUPERVISOR, Roles.OFFICER, Roles.ADMIN})
    @Operation(operationId = "getRiskWarning", summary = "Get a risk warning",
            description = "A warning about an area within the caller's area, with the rule's figures, the events "
                    + "behind it (event ids and the matters they are about) and its handling.")
    @ApiResponse(responseCode = "200", description = "The warning")
    @NotFound("No such warning in the caller's area")
    RiskWarningView get(Caller caller, @PathVariable String id) {
        return RiskWarningView.of(warnings.get(caller, id));
    }

    @PostMapping("/{id}/acknowledge")
    @WorkflowStep(of = RiskWarningWorkflow.class, value = "acknowledge")
    @Operation(operationId = "acknowledgeRiskWarning", summary = "Acknowledge a warning",
            description = "Someone of the area has taken note of the warning and is looking into it. Publishes "
                    + "`RiskWarningStateChanged`.")
    @ApiResponse(responseCode = "200", description = "Acknowledged")
    RiskWarningView acknowledge(Caller caller, @PathVariable String id,
            @Valid @RequestBody WarningRequests.Remark body) {
        return RiskWarningView.of(warnings.step(caller, id, "acknowledge", FreeText.scrub(body.remark())));
    }

    @PostMapping("/{id}/handle")
    @WorkflowStep(of = RiskWarningWorkflow.class, value = "handle")
    @Operation(operationId = "handleRiskWarning", summary = "Record what was done",
            description = "What was done about the risk (visits, mediation, a case opened); identity numbers and "
                    + "mobiles in it are masked. Publishes `RiskWarningStateChanged`.")
    @ApiResponse(responseCode = "200", description = "Handled")
    RiskWarningView handle(Caller caller, @PathVariable String id,
            @Valid @RequestBody WarningRequests.Handling body) {
        return RiskWarningView.of(warnings.step(caller, id, "handle", FreeText.scrub(body.handling())));
    }

    @PostMapping("/{id}/close")
    @WorkflowStep(of = RiskWarningWorkflow.class, value = "close")
    @Operation(operationId = "closeRiskWarning", summary = "Close a warning",
            description = "The supervisor judges the risk settled. Publishes `RiskWarningStateChanged`; later "
                    + "events of the same group count towards a new warning.")
    @ApiResponse(responseCode = "200", description = "Closed")
    RiskWarningView close(Caller caller, @PathVariable String id, @Valid @RequestBody WarningRequests.Remark body) {
        return RiskWarningView.of(warnings.step(caller, id, "close", FreeText.scrub(body.remark())));
    }
}
