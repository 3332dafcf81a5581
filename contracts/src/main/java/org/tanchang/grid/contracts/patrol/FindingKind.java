package org.tanchang.grid.contracts.patrol;

/** What a grid member found on patrol; each kind is taken up by a different service. */
public enum FindingKind {
    /** A dispute between residents: mediation-service opens a dispute and schedules a follow-up visit. */
    DISPUTE,
    /** Something for the police: case-service opens an incident. */
    INCIDENT,
    /** A safety hazard to be controlled (a broken fence above a road, an unsafe stove). */
    HAZARD,
    /** Public sentiment worth watching (rumours, complaints, tension before a market day). */
    SENTIMENT,
    /** A person needing care (an elderly person living alone, a left-behind child). */
    CARE
}
