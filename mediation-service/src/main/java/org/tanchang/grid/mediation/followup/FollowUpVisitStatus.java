package org.tanchang.grid.mediation.followup;

import org.tanchang.grid.platform.workflow.StateMachine;

/** Where a follow-up visit stands. */
public enum FollowUpVisitStatus {
    /** Due on its day, not yet made. */
    SCHEDULED,
    /** Made, with its outcome recorded. */
    COMPLETED;

    static final String COMPLETE = "complete";

    /** A visit is made once; its outcome is not rewritten (a new visit is scheduled instead). */
    static final StateMachine<FollowUpVisitStatus> WORKFLOW = StateMachine.of(FollowUpVisitStatus.class)
            .allow(COMPLETE, COMPLETED, SCHEDULED)
            .build();
}
