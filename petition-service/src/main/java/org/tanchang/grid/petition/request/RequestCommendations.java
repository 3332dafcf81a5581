package org.tanchang.grid.petition.request;

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
        ServiceRequest r = store.getToAct(caller, id);
        return commendations.take(steps, workflow, r, caller, request, c -> outbox.event(MatterCommended.REQUEST,
                r.id, Commendations.data(MatterCommended.REQUEST_MATTER, r.id, r.gridCode, c)));
    }

    CommendationList list(Caller caller, String id) {
        return Commendations.list(id, store.get(caller, id).commendations);
    }
}
