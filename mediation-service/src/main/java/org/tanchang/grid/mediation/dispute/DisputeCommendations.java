package org.tanchang.grid.mediation.dispute;

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
 * Thanks for a settled dispute (锦旗, 感谢信): the "commend" step of {@link DisputeWorkflow} (409 before the agreement),
 * so the commendation, its timeline entry and DisputeCommended are one write.
 */
@Service
class DisputeCommendations {

    private final Steps steps;
    private final DisputeProcedure procedure;
    private final DisputeQueries queries;
    private final Commendations commendations;
    private final Outbox outbox;

    DisputeCommendations(Steps steps, DisputeProcedure procedure, DisputeQueries queries,
            Commendations commendations, Outbox outbox) {
        this.steps = steps;
        this.procedure = procedure;
        this.queries = queries;
        this.commendations = commendations;
        this.outbox = outbox;
    }

    Commendation record(Caller caller, String id, RecordCommendation request) {
        Dispute d = queries.load(caller, id);
        return commendations.take(steps, procedure, d, caller, request, c -> outbox.event(MatterCommended.DISPUTE,
                d.id, Commendations.data(MatterCommended.DISPUTE_MATTER, d.id, d.gridCode, c)));
    }

    CommendationList list(Caller caller, String id) {
        return Commendations.list(id, queries.load(caller, id).commendations);
    }
}
