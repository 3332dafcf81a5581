package org.tanchang.grid.cases.incident;

/**
 * Where an incident is in its handling. Only the first state exists yet; the workflow (accept, assign to a grid and
 * an officer, handle, verify, close, each with a deadline) adds its states and the allowed transitions here.
 */
public enum IncidentState {
    /** Reported and registered with a case number; nobody has accepted it yet. */
    REPORTED
}
