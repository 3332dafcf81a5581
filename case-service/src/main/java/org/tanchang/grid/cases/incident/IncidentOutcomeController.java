package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.workflow.WorkflowStep;

/**
 * The second half of the workflow's actions ({@link IncidentWorkflow#TABLE}): from the handler's resolution through
 * verification and closure to the reporter's rating, with rejections and reopenings. Same rules as {@link
 * IncidentActionsController}.
 */
@RestController
@RequestMapping("/api/incidents/{id}")
@Tag(name = "Incident workflow", description = "reported → registered (or voided) → dispatched → accepted → in "
        + "progress → resolved → verified → closed → evaluated, with returns, rejected verifications and reopenings")
@ApiResponse(responseCode = "200", description = "The incident after the step")
class IncidentOutcomeController {

    private final IncidentActions actions;

    IncidentOutcomeController(IncidentActions actions) {
        this.actions = actions;
    }

    @PostMapping("/resolve")
    @WorkflowStep(of = IncidentWorkflow.class, value = "resolve")
    @Operation(operationId = "resolveIncident",
            summary = "Report it resolved", description = "With what was done; a supervisor verifies next.")
    IncidentView resolve(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Remark body) {
        return IncidentView.masked(actions.simple(caller, id, "resolve", body.remark()));
    }

    @PostMapping("/verify")
    @WorkflowStep(of = IncidentWorkflow.class, value = "verify")
    @Operation(operationId = "verifyIncident",
            summary = "Verify the resolution", description = "By a supervisor of the area.")
    IncidentView verify(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Remark body) {
        return IncidentView.masked(actions.simple(caller, id, "verify", body.remark()));
    }

    @PostMapping("/reject")
    @WorkflowStep(of = IncidentWorkflow.class, value = "reject")
    @Operation(operationId = "rejectIncidentResolution",
            summary = "Reject the resolution", description = "The verification failed; the reason tells the "
            + "handler what is missing.")
    IncidentView reject(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Reason body) {
        return IncidentView.masked(actions.simple(caller, id, "reject", body.reason()));
    }

    @PostMapping("/close")
    @WorkflowStep(of = IncidentWorkflow.class, value = "close")
    @Operation(operationId = "closeIncident",
            summary = "Close a verified case", description = "The reporter may then rate it.")
    IncidentView close(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Remark body) {
        return IncidentView.masked(actions.simple(caller, id, "close", body.remark()));
    }

    @PostMapping("/reopen")
    @WorkflowStep(of = IncidentWorkflow.class, value = "reopen")
    @Operation(operationId = "reopenIncident",
            summary = "Reopen a closed case", description = "Back to the same officer, with the reason (new "
            + "evidence, the reporter's complaint).")
    IncidentView reopen(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Reason body) {
        return IncidentView.masked(actions.simple(caller, id, "reopen", body.reason()));
    }

    @PostMapping("/evaluate")
    @WorkflowStep(of = IncidentWorkflow.class, value = "evaluate")
    @Operation(operationId = "evaluateIncident",
            summary = "Rate the handling", description = "Final, by the signed-in citizen who reported it (anyone "
            + "else: 404), with a rating of 1 to 5.")
    IncidentView evaluate(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Evaluate body) {
        return IncidentView.masked(actions.evaluate(caller, id, body));
    }
}
