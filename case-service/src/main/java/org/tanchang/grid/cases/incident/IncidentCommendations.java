package org.tanchang.grid.cases.incident;

import java.util.HashSet;
import java.util.Set;
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
        Commendation[] recorded = new Commendation[1];
        Incident incident = incidents.get(caller, id);
        steps.take(procedure, incident, caller, "commend", Commendations.remark(request), (i, step) -> {
            Commendation c = commendations.create(caller, request, handlers(i), step.at());
            i.commendations.add(c);
            i.outbox.add(outbox.event(MatterCommended.INCIDENT, i.id,
                    Commendations.data(MatterCommended.INCIDENT_MATTER, i.id, i.gridCode, c)));
            recorded[0] = c;
        });
        return recorded[0];
    }

    CommendationList list(Caller caller, String id) {
        return Commendations.list(id, incidents.get(caller, id).commendations);
    }

    /** Who may be thanked: the officer of the case and every staff member with a step on its timeline. */
    private static Set<String> handlers(Incident incident) {
        Set<String> handlers = new HashSet<>();
        if (incident.officerId != null) {
            handlers.add(incident.officerId);
        }
        incident.timeline.stream().map(Incident.TimelineEntry::actor).forEach(handlers::add);
        if (incident.reporterId != null) {
            handlers.remove(incident.reporterId);
        }
        return handlers;
    }
}
