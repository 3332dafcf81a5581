package org.tanchang.grid.cases.incident;

/** How the police learned of an incident. */
public enum IncidentSource {
    /** An INCIDENT finding of a grid member's patrol report (arrives as PatrolReportSubmitted, not via the API). */
    PATROL_FINDING,
    /** A 110 emergency call. */
    CALL_110,
    /** A citizen came to a police station or community police office (来所报案). */
    WALK_IN,
    /** Handed over by another unit, for example a township's comprehensive-governance centre (综治中心). */
    REFERRAL,
    /** A one-window request that reports a crime (RequestReferred with target CASE; arrives as an event). */
    REQUEST_REFERRAL,
    /** A mediation that failed and was referred to the police (DisputeReferred with target CASE; an event). */
    MEDIATION_REFERRAL,
    /** Received from another government system over its integration. */
    OTHER_SYSTEM
}
