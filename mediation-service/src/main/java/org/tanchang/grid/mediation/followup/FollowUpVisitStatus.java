package org.tanchang.grid.mediation.followup;

/** Where a follow-up visit stands; the moves are {@link FollowUpVisitWorkflow}. */
public enum FollowUpVisitStatus {
    /** Due on its day, not yet made. */
    SCHEDULED,
    /** Made, with its outcome recorded. */
    COMPLETED
}
