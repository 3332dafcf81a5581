package org.tanchang.grid.petition.request;

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
 * Thanks for the window's work (锦旗, 感谢信): the "commend" step of {@link RequestWorkflow} (409 before the request
 * is completed), taken by the handling window as its other steps, so the commendation, its timeline entry and
 * RequestCommended are one write.
 */
@Service
class RequestCommendations {

    private final Steps steps;
    private final RequestWorkflow workflow;
    private final RequestStore store;
    private final Commendations commendations;
    private final Outbox outbox;

    RequestCommendations(Steps steps, RequestWorkflow workflow, RequestStore store, Commendations commendations,
            Outbox outbox) {
        this.steps = steps;
        this.workflow = workflow;
        this.store = store;
        this.commendations = commendations;
        this.outbox = outbox;
    }

    Commendation record(Caller caller, String id, RecordCommendation request) {
        Commendation[] recorded = new Commendation[1];
        steps.take(workflow, store.getToAct(caller, id), caller, "commend", Commendations.remark(request),
                (r, step) -> {
                    Commendation c = commendations.create(caller, request, handlers(r), step.at());
                    r.commendations.add(c);
                    r.outbox.add(outbox.event(MatterCommended.REQUEST, r.id,
                            Commendations.data(MatterCommended.REQUEST_MATTER, r.id, r.gridCode, c)));
                    recorded[0] = c;
                });
        return recorded[0];
    }

    CommendationList list(Caller caller, String id) {
        return Commendations.list(id, store.get(caller, id).commendations);
    }

    /** Who may be thanked: the staff with a step on the request's timeline (not the applicant). */
    private static Set<String> handlers(ServiceRequest r) {
        Set<String> handlers = new HashSet<>();
        r.timeline.stream().map(ServiceRequest.TimelineEntry::actor).forEach(handlers::add);
        if (r.citizenId != null) {
            handlers.remove(r.citizenId);
        }
        return handlers;
    }
}
