package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;

/**
 * The second half of the workflow's actions ({@link IncidentWorkflow#TABLE}): from the handler's resolution through
 * verification and closure to the reporter's rating, with rejections and reopenings. Same rules and OpenAPI responses
 * as {@link IncidentActionsController}.
 */
@RestController
@RequestMapping("/api/incidents/{id}")
@Tag(name = "Incident workflow", description = "reported → registered (or voided) → dispatched → accepted → in "
        + "progress → resolved → verified → closed → evaluated, with returns, rejected verifications and reopenings")
@IncidentStepResponses
class IncidentOutcomeController {

    private final IncidentActions actions;

    IncidentOutcomeController(IncidentActions actions) {
        this.actions = actions;
    }

    @PostMapping("/resolve")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(operationId = "resolveIncident",
            summary = "Report it resolved", description = "IN_PROGRESS → RESOLVED, with what was done; a "
            + "supervisor verifies next.")
    IncidentView resolve(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Remark body) {
        return IncidentView.masked(actions.simple(caller, id, "resolve", body.remark()));
    }

    @PostMapping("/verify")
    @Allowed({Roles.SUPERVISOR})
    @Operation(operationId = "verifyIncident",
            summary = "Verify the resolution", description = "RESOLVED → VERIFIED, by a supervisor of the area.")
    IncidentView verify(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Remark body) {
        return IncidentView.masked(actions.simple(caller, id, "verify", body.remark()));
    }

    @PostMapping("/reject")
    @Allowed({Roles.SUPERVISOR})
    @Operation(operationId = "rejectIncidentResolution",
            summary = "Reject the resolution", description = "RESOLVED → IN_PROGRESS: the verification failed; "
            + "the reason tells the handler what is missing.")
    IncidentView reject(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Reason body) {
        return IncidentView.masked(actions.simple(caller, id, "reject", body.reason()));
    }

    @PostMapping("/close")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "closeIncident",
            summary = "Close a verified case", description = "VERIFIED → CLOSED; the reporter may then rate it.")
    IncidentView close(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Remark body) {
        return IncidentView.masked(actions.simple(caller, id, "close", body.remark()));
    }

    @PostMapping("/reopen")
    @Allowed({Roles.SUPERVISOR})
    @Operation(operationId = "reopenIncident",
            summary = "Reopen a closed case", description = "CLOSED → IN_PROGRESS with the same officer, with "
            + "the reason (new evidence, the reporter's complaint).")
    IncidentView reopen(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Reason body) {
        return IncidentView.masked(actions.simple(caller, id, "reopen", body.reason()));
    }

    @PostMapping("/evaluate")
    @Allowed({Roles.CITIZEN})
    @Operation(operationId = "evaluateIncident",
            summary = "Rate the handling", description = "CLOSED → EVALUATED (final), by the signed-in citizen "
            + "who reported it (anyone else: 404), with a rating of 1 to 5.")
    IncidentView evaluate(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Evaluate body) {
        return IncidentView.masked(actions.evaluate(caller, id, body));
    }
}
