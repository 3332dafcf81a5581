package org.tanchang.grid.mediation.dispute;

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
        Commendation[] recorded = new Commendation[1];
        steps.take(procedure, queries.load(caller, id), caller, DisputeWorkflow.COMMEND,
                Commendations.remark(request), (d, step) -> {
                    Commendation c = commendations.create(caller, request, handlers(d), step.at());
                    d.commendations.add(c);
                    d.outbox.add(outbox.event(MatterCommended.DISPUTE, d.id,
                            Commendations.data(MatterCommended.DISPUTE_MATTER, d.id, d.gridCode, c)));
                    recorded[0] = c;
                });
        return recorded[0];
    }

    CommendationList list(Caller caller, String id) {
        return Commendations.list(id, queries.load(caller, id).commendations);
    }

    /** Who may be thanked: the dispute's mediators and everyone with a step on its timeline. */
    private static Set<String> handlers(Dispute d) {
        Set<String> handlers = new HashSet<>(d.mediatorIds);
        d.timeline.stream().map(Parts.TimelineEntry::actorId).forEach(handlers::add);
        return handlers;
    }
}
