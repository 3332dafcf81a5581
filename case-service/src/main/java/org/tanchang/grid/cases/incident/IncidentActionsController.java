package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
 * One endpoint per workflow action ({@link IncidentWorkflow#TABLE}). Each records the caller, the time and the remark
 * in the timeline, starts the next step's time limit and publishes IncidentStateChanged; an action the current state
 * does not allow is a 409 problem naming the allowed ones.
 */
@RestController
@RequestMapping("/api/incidents/{id}")
@Tag(name = "Incident workflow", description = "reported → registered (or voided) → dispatched → accepted → in "
        + "progress → resolved → verified → closed → evaluated, with returns, rejected verifications and reopenings")
@IncidentStepResponses
class IncidentActionsController {


    private final IncidentActions actions;

    IncidentActionsController(IncidentActions actions) {
        this.actions = actions;
    }

    @PostMapping("/register")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "registerIncident",
            summary = "Register (受理) a reported incident", description = "REPORTED → REGISTERED; may classify it "
            + "(type, sub-type, urgency), which picks the time limits of the following steps.")
    IncidentView register(Caller caller, @Parameter(example = "inc-3f0c2a9e") @PathVariable String id,
            @Valid @RequestBody StepRequests.Register body) {
        return IncidentView.masked(actions.register(caller, id, body));
    }

    @PostMapping("/void")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "voidIncident",
            summary = "Void a reported incident", description = "REPORTED → VOIDED (final), with the reason "
            + "(duplicate, false report, not a police matter).")
    IncidentView voidIncident(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Reason body) {
        return IncidentView.masked(actions.simple(caller, id, "void", body.reason()));
    }

    @PostMapping("/dispatch")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "dispatchIncident",
            summary = "Dispatch to a grid and an officer", description = "REGISTERED → DISPATCHED: the grid "
            + "(in the caller's area) and the responsible officer who is to accept it. Also how an incident waiting "
            + "in the township queue gets its grid.")
    IncidentView dispatch(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Dispatch body) {
        return IncidentView.masked(actions.dispatch(caller, id, body));
    }

    @PostMapping("/accept")
    @Allowed({Roles.OFFICER})
    @Operation(operationId = "acceptIncident",
            summary = "Accept a dispatched incident", description = "DISPATCHED → ACCEPTED, by the officer it "
            + "was dispatched to (another officer gets 403).")
    IncidentView accept(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Remark body) {
        return IncidentView.masked(actions.accept(caller, id, body.remark()));
    }

    @PostMapping("/return")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "returnIncident",
            summary = "Return for re-dispatch", description = "DISPATCHED or ACCEPTED → REGISTERED, with the "
            + "reason (wrong grid, officer away); the officer is cleared for the next dispatch.")
    IncidentView giveBack(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Reason body) {
        return IncidentView.masked(actions.giveBack(caller, id, body.reason()));
    }

    @PostMapping("/start")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(operationId = "startIncident",
            summary = "Start handling", description = "ACCEPTED → IN_PROGRESS.")
    IncidentView start(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Remark body) {
        return IncidentView.masked(actions.simple(caller, id, "start", body.remark()));
    }

    @PostMapping("/supervise")
    @Allowed({Roles.SUPERVISOR})
    @Operation(operationId = "superviseIncident",
            summary = "Supervise (督办) an open incident", description = "Marks it supervised and records who "
            + "pressed for progress and why; the state and its time limit stay. Raised automatically when a step "
            + "turns red (tanchang.cases.supervise-when-overdue). 409 for a voided, closed or evaluated incident.")
    IncidentView supervise(Caller caller, @PathVariable String id, @Valid @RequestBody StepRequests.Reason body) {
        return IncidentView.masked(actions.supervise(caller, id, body.reason()));
    }
}
