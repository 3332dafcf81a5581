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
import static org.tanchang.grid.platform.security.Roles.AUXILIARY_OFFICER;
import static org.tanchang.grid.platform.security.Roles.CITIZEN;
import static org.tanchang.grid.platform.security.Roles.OFFICER;
import static org.tanchang.grid.platform.security.Roles.SUPERVISOR;

import org.tanchang.grid.platform.workflow.Workflow;

/**
 * An incident's workflow. Each action is one endpoint {@code POST /api/incidents/{id}/<action>}; anything not in the
 * table is a 409 problem listing what the current state allows. A return sends a dispatched or accepted incident
 * back to REGISTERED for another dispatch; a rejected verification sends it back to the handler (IN_PROGRESS); a
 * reopened case goes back to IN_PROGRESS with the same officer. The time limit of each step depends on the type and
 * urgency too, so it is configured by state ({@link IncidentProcedure}), not per row.
 */
final class IncidentWorkflow {

    static final Workflow<IncidentState> TABLE = Workflow.of("incident", IncidentState.class)
            .on("register").from(REPORTED).to(REGISTERED).by(OFFICER, AUXILIARY_OFFICER, SUPERVISOR)
            .on("void").from(REPORTED).to(VOIDED).by(OFFICER, SUPERVISOR)
            .on("dispatch").from(REGISTERED).to(DISPATCHED).by(OFFICER, SUPERVISOR)
            .on("accept").from(DISPATCHED).to(ACCEPTED).by(OFFICER)
            .on("return").from(DISPATCHED, ACCEPTED).to(REGISTERED).by(OFFICER, SUPERVISOR)
            .on("start").from(ACCEPTED).to(IN_PROGRESS).by(OFFICER, AUXILIARY_OFFICER)
            .on("resolve").from(IN_PROGRESS).to(RESOLVED).by(OFFICER, AUXILIARY_OFFICER)
            .on("verify").from(RESOLVED).to(VERIFIED).by(SUPERVISOR)
            .on("reject").from(RESOLVED).to(IN_PROGRESS).by(SUPERVISOR)
            .on("close").from(VERIFIED).to(CLOSED).by(OFFICER, SUPERVISOR)
            .on("reopen").from(CLOSED).to(IN_PROGRESS).by(SUPERVISOR)
            .on("evaluate").from(CLOSED).to(EVALUATED).by(CITIZEN)
            // thanks (锦旗, 感谢信) come once the case is closed; the state stays
            .on("commend").in(CLOSED, EVALUATED).by(OFFICER, AUXILIARY_OFFICER, SUPERVISOR)
            .build();

    private IncidentWorkflow() {
    }
}
