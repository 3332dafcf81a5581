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
    OTHER_SYSTEM;

    /** The first timeline step's remark of an incident from this source. */
    public String remark() {
        return switch (this) {
            case CALL_110 -> "Reported by a 110 call";
            case WALK_IN -> "Reported in person at a police station";
            case REFERRAL -> "Referred by another unit";
            case REQUEST_REFERRAL -> "Referred from a one-window request";
            case MEDIATION_REFERRAL -> "Referred from a failed mediation";
            case OTHER_SYSTEM -> "Received from another system";
            case PATROL_FINDING -> "Found on patrol";
        };
    }
}
