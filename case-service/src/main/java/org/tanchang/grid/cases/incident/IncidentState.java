package org.tanchang.grid.cases.incident;

/**
 * Where an incident is in its handling. The allowed moves between these states are {@link IncidentWorkflow#TABLE};
 * VOIDED and EVALUATED are final.
 */
public enum IncidentState {
    /** Reported with a case number; nobody has checked it yet. */
    REPORTED,
    /** Checked and registered (受理): a real matter, classified, waiting to be dispatched. */
    REGISTERED,
    /** Not a police matter, a duplicate or a false report; the reason is in the timeline. Final. */
    VOIDED,
    /** Sent to a grid and its responsible officer, who has yet to take it. */
    DISPATCHED,
    /** The dispatched officer took it. */
    ACCEPTED,
    /** Being handled on the ground. */
    IN_PROGRESS,
    /** The handler says it is done; a supervisor has to verify. */
    RESOLVED,
    /** A supervisor checked the result. */
    VERIFIED,
    /** Closed; the reporter may rate the handling, and it may still be reopened. */
    CLOSED,
    /** The reporting citizen rated the handling. Final. */
    EVALUATED
}
