package org.tanchang.grid.cases.incident;

import static org.tanchang.grid.cases.incident.IncidentState.ACCEPTED;
import static org.tanchang.grid.cases.incident.IncidentState.CLOSED;
import static org.tanchang.grid.cases.incident.IncidentState.DISPATCHED;
import static org.tanchang.grid.cases.incident.IncidentState.EVALUATED;
import static org.tanchang.grid.cases.incident.IncidentState.IN_PROGRESS;
import static org.tanchang.grid.cases.incident.IncidentState.REGISTERED;
import static org.tanchang.grid.cases.incident.IncidentState.REPORTED;
import static org.tanchang.grid.cases.incident.IncidentState.RESOLVED;
import static org.tanchang.grid.cases.incident.IncidentState.VERIFIED;
import static org.tanchang.grid.cases.incident.IncidentState.VOIDED;

import org.tanchang.grid.platform.workflow.StateMachine;

/**
 * An incident's workflow. Each action is one endpoint {@code POST /api/incidents/{id}/<action>}; anything not in the
 * table is a 409 problem listing what the current state allows. A return sends a dispatched or accepted incident
 * back to REGISTERED for another dispatch; a rejected verification sends it back to the handler (IN_PROGRESS); a
 * reopened case goes back to IN_PROGRESS with the same officer.
 */
final class IncidentWorkflow {

    static final StateMachine<IncidentState> TABLE = StateMachine.of(IncidentState.class)
            .allow("register", REGISTERED, REPORTED)
            .allow("void", VOIDED, REPORTED)
            .allow("dispatch", DISPATCHED, REGISTERED)
            .allow("accept", ACCEPTED, DISPATCHED)
            .allow("return", REGISTERED, DISPATCHED, ACCEPTED)
            .allow("start", IN_PROGRESS, ACCEPTED)
            .allow("resolve", RESOLVED, IN_PROGRESS)
            .allow("verify", VERIFIED, RESOLVED)
            .allow("reject", IN_PROGRESS, RESOLVED)
            .allow("close", CLOSED, VERIFIED)
            .allow("reopen", IN_PROGRESS, CLOSED)
            .allow("evaluate", EVALUATED, CLOSED)
            .build();

    private IncidentWorkflow() {
    }
}
