package org.tanchang.grid.mediation.followup;

import static org.tanchang.grid.mediation.followup.FollowUpVisitStatus.COMPLETED;
import static org.tanchang.grid.mediation.followup.FollowUpVisitStatus.SCHEDULED;

import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * A follow-up visit's one step: it is made once and its outcome is not rewritten (a new visit is scheduled instead).
 * Reviewed listing: {@code src/test/resources/workflows/follow-up-visit.txt}.
 */
final class FollowUpVisitWorkflow {

    static final String COMPLETE = "complete";

    static final Workflow<FollowUpVisitStatus> TABLE = Workflow.of("follow-up-visit", FollowUpVisitStatus.class)
            .on(COMPLETE).from(SCHEDULED).to(COMPLETED)
            .by(Roles.MEDIATOR, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR,
                    Roles.ADMIN)
            .build();

    private FollowUpVisitWorkflow() {
    }
}
