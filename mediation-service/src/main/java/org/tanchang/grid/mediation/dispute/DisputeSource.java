package org.tanchang.grid.mediation.dispute;

/** Where a dispute came to mediation from; {@code sourceReference} names the thing in that source. */
public enum DisputeSource {
    /** A DISPUTE finding of a grid member's patrol report; the reference is the report id. */
    PATROL_FINDING,
    /** Referred from a police case; the reference is the case or incident id. */
    CASE,
    /** Referred by a station's one-window service centre (RequestReferred); the reference is the request id. */
    ONE_WINDOW_REQUEST,
    /** A party came to the station or village office in person. */
    WALK_IN
}
