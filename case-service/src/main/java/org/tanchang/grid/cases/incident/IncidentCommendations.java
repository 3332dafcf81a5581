package org.tanchang.grid.cases.incident;

import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.commendation.MatterCommended;
import org.tanchang.grid.platform.commendation.Commendation;
import org.tanchang.grid.platform.commendation.CommendationList;
import org.tanchang.grid.platform.commendation.Commendations;
import org.tanchang.grid.platform.commendation.RecordCommendation;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.workflow.Steps;

/**
 * Thanks for a closed case (锦旗, 感谢信): the "commend" step of {@link IncidentWorkflow} (409 before closing), so the
 * commendation, its timeline entry and IncidentCommended are one write.
 */
@Service
class IncidentCommendations {

    private final Steps steps;
    private final IncidentProcedure procedure;
    private final Incidents incidents;
    private final Commendations commendations;
    private final Outbox outbox;

    IncidentCommendations(Steps steps, IncidentProcedure procedure, Incidents incidents, Commendations commendations,
            Outbox outbox) {
        this.steps = steps;
        this.procedure = procedure;
        this.incidents = incidents;
        this.commendations = commendations;
        this.outbox = outbox;
    }

    Commendation record(Caller caller, String id, RecordCommendation request) {
        Incident incident = incidents.get(caller, id);
        return commendations.take(steps, procedure, incident, caller, request, c -> outbox.event(
                MatterCommended.INCIDENT, incident.id,
                Commendations.data(MatterCommended.INCIDENT_MATTER, incident.id, incident.gridCode, c)));
    }

    CommendationList list(Caller caller, String id) {
        return Commendations.list(id, incidents.get(caller, id).commendations);
    }
}
