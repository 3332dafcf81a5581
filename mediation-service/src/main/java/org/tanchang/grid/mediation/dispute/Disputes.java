package org.tanchang.grid.mediation.dispute;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.mediation.DisputeOpened;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.Times;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.ProblemException;

/** Opens disputes and answers questions about them. */
@Service
public class Disputes {

    private static final Logger log = LoggerFactory.getLogger(Disputes.class);

    private final MongoOperations mongo;
    private final IdempotentWrites writes;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    Disputes(MongoOperations mongo, IdempotentWrites writes, Outbox outbox, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.writes = writes;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    /** The id of the dispute a patrol finding opens: derived from it, so a redelivered report cannot open a second. */
    public static String idOfPatrolFinding(String reportId, int findingIndex) {
        return "patrol-" + reportId + "-" + findingIndex;
    }

    /**
     * Opens the dispute of a DISPUTE finding, with its {@code DisputeOpened} event in the same write. Returns the
     * dispute id, also when the dispute was already open (a redelivery): the caller's next step needs it either way.
     */
    public String openFromPatrolFinding(String reportId, String gridCode, PatrolFinding finding) {
        Dispute dispute = new Dispute();
        dispute.id = idOfPatrolFinding(reportId, finding.index());
        dispute.gridCode = gridCode;
        dispute.source = DisputeSource.PATROL_FINDING;
        dispute.sourceReference = reportId;
        dispute.patrolFindingIndex = finding.index();
        dispute.description = finding.description();
        dispute.location = finding.location();
        dispute.state = DisputeState.APPLIED;
        dispute.openedAt = clock.instant();
        dispute.outbox.add(outbox.event(DisputeOpened.TYPE, dispute.id, new DisputeOpened(dispute.id, gridCode,
                dispute.source.name(), reportId, dispute.description, Times.local(dispute.openedAt))));
        if (writes.insertOnce(dispute)) {
            meters.counter("tanchang.mediation.disputes.opened", "source", dispute.source.name()).increment();
            log.info("Opened dispute {} in grid {} from patrol report {}", dispute.id, gridCode, reportId);
        } else {
            log.debug("Dispute {} was already open", dispute.id);
        }
        return dispute.id;
    }

    /** A dispute outside the caller's area is not found, like a missing one: its existence does not leak. */
    DisputeView get(Caller caller, String id) {
        Dispute dispute = mongo.findOne(Query.query(Criteria.where("_id").is(id).andOperator(visibleTo(caller))),
                Dispute.class);
        if (dispute == null) {
            throw ProblemException.notFound("Dispute", id);
        }
        return DisputeView.of(dispute);
    }

    Page<DisputeView> list(Caller caller, String gridCode, DisputeState state, String sourceReference, int page,
            int size) {
        Query query = Filters.where().matching(visibleTo(caller)).is("gridCode", gridCode).is("state", state)
                .is("sourceReference", sourceReference).query();
        // newest first (Page.query breaks ties by id, so paging is stable)
        return Page.query(mongo, query, Dispute.class, Sort.by(Sort.Order.desc("openedAt")), page, size,
                DisputeView::of);
    }

    /**
     * The caller's area as a query condition. Wrapped in {@code $and} because the area condition is on
     * {@code gridCode} too, and a query cannot hold two top-level conditions on one field (the grid filter).
     */
    private static Criteria visibleTo(Caller caller) {
        return new Criteria().andOperator(Visibility.criteria(caller, "gridCode", null));
    }
}
