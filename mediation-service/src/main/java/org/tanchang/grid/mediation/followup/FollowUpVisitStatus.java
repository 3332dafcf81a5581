package org.tanchang.grid.mediation.followup;

/** Where a follow-up visit stands. Recording the visit's outcome comes with the mediation workflow. */
enum FollowUpVisitStatus {
    /** Due on its day, not yet made. */
    SCHEDULED
}
