package org.tanchang.grid.mediation.followup;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.mediation.FollowUpVisitScheduled;
import org.tanchang.grid.mediation.MediationProperties;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.ProblemException;

/** Schedules follow-up visits and answers questions about them. */
@Service
public class FollowUpVisits {

    private static final Logger log = LoggerFactory.getLogger(FollowUpVisits.class);

    private final MongoOperations mongo;
    private final IdempotentWrites writes;
    private final Outbox outbox;
    private final Clock clock;
    private final MediationProperties properties;

    FollowUpVisits(MongoOperations mongo, IdempotentWrites writes, Outbox outbox, Clock clock,
            MediationProperties properties) {
        this.mongo = mongo;
        this.writes = writes;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Schedules the first visit of a dispute found on patrol, due {@code first-visit-after} after the county day the
     * patrol ended, with its {@code FollowUpVisitScheduled} event in the same write. The id is derived from the
     * dispute, so scheduling again (a redelivery) has no second effect. Returns the visit id.
     */
    public String scheduleFirstVisit(String disputeId, String gridCode, String patrolReportId, LocalDate patrolDay,
            Assignee assignee) {
        FollowUpVisit visit = new FollowUpVisit();
        visit.id = disputeId + "-visit-1";
        visit.disputeId = disputeId;
        visit.gridCode = gridCode;
        visit.patrolReportId = patrolReportId;
        visit.dueOn = patrolDay.plus(properties.firstVisitAfter());
        visit.status = FollowUpVisitStatus.SCHEDULED;
        visit.assignee = assignee;
        visit.createdAt = clock.instant();
        visit.outbox.add(outbox.event(FollowUpVisitScheduled.TYPE, visit.id,
                new FollowUpVisitScheduled(visit.id, disputeId, gridCode, visit.dueOn,
                        assignee == null ? null : assignee.id(), assignee == null ? null : assignee.name())));
        if (writes.insertOnce(visit)) {
            if (assignee == null) {
                log.warn("Follow-up visit {} of dispute {} has no assignee: the event named no responsible officer",
                        visit.id, disputeId);
            }
            log.info("Scheduled follow-up visit {} of dispute {} on {}", visit.id, disputeId, visit.dueOn);
        } else {
            log.debug("Follow-up visit {} was already scheduled", visit.id);
        }
        return visit.id;
    }

    /** A visit outside the caller's area is not found, like a missing one: its existence does not leak. */
    FollowUpVisitView get(Caller caller, String id) {
        FollowUpVisit visit = mongo.findOne(Query.query(Criteria.where("_id").is(id).andOperator(visibleTo(caller))),
                FollowUpVisit.class);
        if (visit == null) {
            throw ProblemException.notFound("Follow-up visit", id);
        }
        return FollowUpVisitView.of(visit);
    }

    Page<FollowUpVisitView> list(Caller caller, Filter filter, int page, int size) {
        Query query = Filters.where().matching(visibleTo(caller)).is("gridCode", filter.gridCode())
                .is("disputeId", filter.disputeId()).is("patrolReportId", filter.patrolReportId())
                .is("status", filter.status()).before("dueOn", filter.dueBefore()).query();
        // the most urgent first
        return Page.query(mongo, query, FollowUpVisit.class, Sort.by(Sort.Order.asc("dueOn")), page, size,
                FollowUpVisitView::of);
    }

    /**
     * The caller's area as a query condition, on the visit's own grid code (copied from its dispute when scheduled,
     * so no join is needed). Wrapped in {@code $and} because a query cannot hold two top-level conditions on one
     * field, and the grid filter is on {@code gridCode} too.
     */
    private static Criteria visibleTo(Caller caller) {
        return new Criteria().andOperator(Visibility.criteria(caller, "gridCode", null));
    }

    record Filter(String gridCode, String disputeId, String patrolReportId, FollowUpVisitStatus status,
            LocalDate dueBefore) {
    }
}
