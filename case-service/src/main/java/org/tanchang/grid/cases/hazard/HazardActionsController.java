package org.tanchang.grid.cases.hazard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
 * One endpoint per action of {@link HazardWorkflow#TABLE}, which also says who may take it and documents where it
 * leads and its 404/409 problems. Each records the caller, time and remark in the timeline and publishes its events.
 */
@RestController
@RequestMapping("/api/hazards/{id}")
@Tag(name = "Hazard workflow", description = "reported → rectifying → re-inspection → closed (removed) or back to "
        + "rectifying (not removed, a repeat); escalation GRID → TOWNSHIP → COUNTY by hand, when overdue or "
        + "repeated")
@ApiResponse(responseCode = "200", description = "The hazard after the step")
class HazardActionsController {

    private final HazardActions actions;

    HazardActionsController(HazardActions actions) {
        this.actions = actions;
    }

    @PostMapping("/order-rectification")
    @WorkflowStep(of = HazardWorkflow.class, value = "order-rectification")
    @Operation(operationId = "orderHazardRectification", summary = "Order rectification (下达整改通知)",
            description = "What must be done and by whom (required unless the hazard already names a responsible "
                    + "party); may reclassify the risk and kind. The deadline follows from the risk level on the "
                    + "work calendar; HazardRectificationOrdered announces it.")
    HazardView order(Caller caller, @Parameter(example = "hzd-3f0c2a9e") @PathVariable String id,
            @Valid @RequestBody HazardRequests.Order body) {
        return HazardView.of(actions.order(caller, id, body));
    }

    @PostMapping("/dismiss")
    @WorkflowStep(of = HazardWorkflow.class, value = "dismiss")
    @Operation(operationId = "dismissHazard", summary = "Dismiss a reported hazard",
            description = "Not a hazard (a duplicate, someone else's matter); final, with the reason. A real hazard "
                    + "closes only through a re-inspection that finds it removed.")
    HazardView dismiss(Caller caller, @PathVariable String id, @Valid @RequestBody HazardRequests.Reason body) {
        return HazardView.of(actions.take(caller, id, "dismiss", body.reason(), (h, step) -> { }));
    }

    @PostMapping("/request-reinspection")
    @WorkflowStep(of = HazardWorkflow.class, value = "request-reinspection")
    @Operation(operationId = "requestHazardReinspection", summary = "Request a re-inspection (申请复查)",
            description = "The responsible party says the hazard is removed; an officer has to see for themselves "
                    + "within the re-inspection limit.")
    HazardView requestReinspection(Caller caller, @PathVariable String id,
            @Valid @RequestBody HazardRequests.Remark body) {
        return HazardView.of(actions.take(caller, id, "request-reinspection", body.remark(), (h, step) -> { }));
    }

    @PostMapping("/reinspect-removed")
    @WorkflowStep(of = HazardWorkflow.class, value = "reinspect-removed")
    @Operation(operationId = "reinspectHazardRemoved", summary = "Re-inspected: removed (销号)",
            description = "The re-inspection found the hazard removed: it closes. The only way a hazard closes.")
    HazardView removed(Caller caller, @PathVariable String id, @Valid @RequestBody HazardRequests.Reinspection body) {
        return HazardView.of(actions.reinspectRemoved(caller, id, body.findings()));
    }

    @PostMapping("/reinspect-not-removed")
    @WorkflowStep(of = HazardWorkflow.class, value = "reinspect-not-removed")
    @Operation(operationId = "reinspectHazardNotRemoved", summary = "Re-inspected: not removed",
            description = "Back to rectification with a new deadline; counts a repeat (HazardReopened), and from "
                    + "tanchang.hazards.repeat-escalation repeats on each one takes the hazard up a level.")
    HazardView notRemoved(Caller caller, @PathVariable String id,
            @Valid @RequestBody HazardRequests.Reinspection body) {
        return HazardView.of(actions.reinspectNotRemoved(caller, id, body.findings()));
    }

    @PostMapping("/escalate")
    @WorkflowStep(of = HazardWorkflow.class, value = "escalate")
    @Operation(operationId = "escalateHazard", summary = "Escalate a hazard one level",
            description = "GRID → TOWNSHIP → COUNTY, with the reason: the next level's supervisors answer for it "
                    + "(HazardEscalated); the state and its limit stay. At the county it is a 409 problem.")
    HazardView escalate(Caller caller, @PathVariable String id, @Valid @RequestBody HazardRequests.Reason body) {
        return HazardView.of(actions.escalate(caller, id, body.reason()));
    }
}
