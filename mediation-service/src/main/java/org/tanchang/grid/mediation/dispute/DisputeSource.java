package org.tanchang.grid.mediation.dispute;

/** Where a dispute came to mediation from; {@code sourceReference} names the thing in that source. */
enum DisputeSource {
    /** A DISPUTE finding of a grid member's patrol report; the reference is the report id. */
    PATROL_FINDING,
    /** Referred from a police case. */
    CASE,
    /** Brought to a station's one-window service centre. */
    ONE_WINDOW_REQUEST,
    /** A party came to the station or village office in person. */
    WALK_IN
}
