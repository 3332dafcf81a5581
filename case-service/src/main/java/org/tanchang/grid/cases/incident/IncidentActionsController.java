package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.workflow.WorkflowStep;

/**
 * One endpoint per workflow action ({@link IncidentWorkflow#TABLE}, which also says who may take it and documents
 * where it leads and its 404/409 problems). Each records the caller, the time and the remark in the timeline, starts
 * the next step's time limit and publishes IncidentStateChanged; an action the current state does not allow is a 409
 * problem naming the allowed ones.
 */
@RestController
@RequestMapping("/api/incidents/{id}")
@Tag(name = "Incident workflow", description = "reported → registered (or voided) → dispatched → accepted → in "
        + "progress → resolved → verified → closed → evaluated, with returns, rejected verifications and reopenings")
@ApiResponse(responseCode = "200", description = "The incident after the step")
class IncidentActionsController {

    private final IncidentActions actions;

    IncidentActionsController(IncidentActions actions) {
        this.actions = actions;
    }

    @PostMapping("/register")
    @WorkflowStep(of = IncidentWorkflow.class, value = "register")
    @Operation(operationId = "registerIncident",
            summary = "Register (受理) a reported incident", description = "May classify it (type, sub-type, "
            + "urgency), which picks the time limits of the following steps.")
    IncidentView register(Caller caller, @Parameter(example = "inc-3f0c2a9e") @PathVariable String id,
            @Valid @RequestBody StepRequests.Register body) {
        return IncidentView.masked(actions.register(caller, id, body));
    }

    @PostMapping("/void")
    @WorkflowStep(of = IncidentWorkflow.class, value = "void")
    @Operation(operationId = "voidIncident",
            summary = "Void a reported incident", description = "Final, with the reason (duplicate, false report, "
            + "not a police matter).")
    IncidentView voidIncident(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Reason body) {
        return IncidentView.masked(actions.simple(caller, id, "void", body.reason()));
    }

    @PostMapping("/dispatch")
    @WorkflowStep(of = IncidentWorkflow.class, value = "dispatch")
    @Operation(operationId = "dispatchIncident",
            summary = "Dispatch to a grid and an officer", description = "The grid (in the caller's area, else "
            + "403) and the responsible officer who is to accept it. Also how an incident waiting "
            + "in the township queue gets its grid.")
    IncidentView dispatch(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Dispatch body) {
        return IncidentView.masked(actions.dispatch(caller, id, body));
    }

    @PostMapping("/accept")
    @WorkflowStep(of = IncidentWorkflow.class, value = "accept")
    @Operation(operationId = "acceptIncident",
            summary = "Accept a dispatched incident", description = "By the officer it was dispatched to (another "
            + "officer gets 403).")
    IncidentView accept(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Remark body) {
        return IncidentView.masked(actions.accept(caller, id, body.remark()));
    }

    @PostMapping("/return")
    @WorkflowStep(of = IncidentWorkflow.class, value = "return")
    @Operation(operationId = "returnIncident",
            summary = "Return for re-dispatch", description = "With the reason (wrong grid, officer away); the "
            + "officer is cleared for the next dispatch.")
    IncidentView giveBack(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Reason body) {
        return IncidentView.masked(actions.giveBack(caller, id, body.reason()));
    }

    @PostMapping("/start")
    @WorkflowStep(of = IncidentWorkflow.class, value = "start")
    @Operation(operationId = "startIncident", summary = "Start handling")
    IncidentView start(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Remark body) {
        return IncidentView.masked(actions.simple(caller, id, "start", body.remark()));
    }

    @PostMapping("/supervise")
    @Allowed({Roles.SUPERVISOR})
    @Operation(operationId = "superviseIncident",
            summary = "Supervise (督办) an open incident", description = "Marks it supervised and records who "
            + "pressed for progress and why, and optionally by which day (today or later; in the timeline and the "
            + "event); the state and its time limit stay. Raised automatically when a step turns red "
            + "(tanchang.cases.supervise-when-overdue).")
    @ApiResponse(responseCode = "409", description = "The incident is voided, closed or evaluated, or changed "
            + "meanwhile", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(value = """
                            {"type":"urn:tanchang-grid:problem:conflict","title":"Conflict with the current state",
                             "status":409,"detail":"Incident inc-3f0c2a9e is CLOSED; only open incidents are \
                            supervised","state":"CLOSED"}""")))
    IncidentView supervise(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Supervise body) {
        return IncidentView.masked(actions.supervise(caller, id, body));
    }
}
