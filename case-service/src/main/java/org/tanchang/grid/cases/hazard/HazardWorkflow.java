package org.tanchang.grid.cases.hazard;

import static org.tanchang.grid.cases.hazard.HazardState.CLOSED;
import static org.tanchang.grid.cases.hazard.HazardState.DISMISSED;
import static org.tanchang.grid.cases.hazard.HazardState.RECTIFYING;
import static org.tanchang.grid.cases.hazard.HazardState.REINSPECTING;
import static org.tanchang.grid.cases.hazard.HazardState.REPORTED;
import static org.tanchang.grid.platform.security.Roles.AUXILIARY_OFFICER;
import static org.tanchang.grid.platform.security.Roles.GRID_MEMBER;
import static org.tanchang.grid.platform.security.Roles.OFFICER;
import static org.tanchang.grid.platform.security.Roles.SUPERVISOR;

import org.tanchang.grid.platform.workflow.Workflow;

/**
 * A hazard's workflow, "隐患不消除不放过": the officer orders rectification, the grid member (or an officer) asks
 * for a re-inspection once the party says it is done, and only a re-inspection that finds it removed closes it; one
 * that finds it still there sends it back to rectification with a new deadline and counts a repeat. Escalation by
 * hand keeps the state; overdue and repeated hazards escalate by themselves ({@link HazardDeadlines},
 * {@link HazardActions}). Each action is {@code POST /api/hazards/{id}/<action>}; anything else is a 409 problem.
 */
final class HazardWorkflow {

    /** Time limit keys (tanchang.hazards): the order, the rectification, the re-inspection. */
    static final String ORDERING = "ordering";
    static final String RECTIFICATION = "rectification";
    static final String REINSPECTION = "reinspection";

    static final Workflow<HazardState> TABLE = Workflow.of("hazard", HazardState.class)
            .on("order-rectification").from(REPORTED).to(RECTIFYING).by(OFFICER, SUPERVISOR).limit(RECTIFICATION)
            .on("dismiss").from(REPORTED).to(DISMISSED).by(OFFICER, SUPERVISOR)
            .on("request-reinspection").from(RECTIFYING).to(REINSPECTING)
                    .by(OFFICER, AUXILIARY_OFFICER, GRID_MEMBER).limit(REINSPECTION)
            .on("reinspect-removed").from(REINSPECTING).to(CLOSED).by(OFFICER, SUPERVISOR)
            .on("reinspect-not-removed").from(REINSPECTING).to(RECTIFYING).by(OFFICER, SUPERVISOR)
                    .limit(RECTIFICATION)
            .on("escalate").in(REPORTED, RECTIFYING, REINSPECTING).by(OFFICER, SUPERVISOR)
            .build();

    private HazardWorkflow() {
    }
}
