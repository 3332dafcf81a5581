package org.tanchang.grid.mediation.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.mediation.FollowUpVisitScheduled;
import org.tanchang.grid.mediation.MediationProperties;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.outbox.Outbox;
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
                new FollowUpVisitScheduled(visit.id, disputeId, gridCode, visit.dueOn)));
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

    FollowUpVisitView get(String id) {
        FollowUpVisit visit = mongo.findById(id, FollowUpVisit.class);
        if (visit == null) {
            throw ProblemException.notFound("Follow-up visit", id);
        }
        return FollowUpVisitView.of(visit);
    }

    Page<FollowUpVisitView> list(Filter filter, int page, int size) {
        Query query = new Query();
        if (filter.gridCode() != null) {
            query.addCriteria(Criteria.where("gridCode").is(filter.gridCode()));
        }
        if (filter.disputeId() != null) {
            query.addCriteria(Criteria.where("disputeId").is(filter.disputeId()));
        }
        if (filter.patrolReportId() != null) {
            query.addCriteria(Criteria.where("patrolReportId").is(filter.patrolReportId()));
        }
        if (filter.status() != null) {
            query.addCriteria(Criteria.where("status").is(filter.status()));
        }
        if (filter.dueBefore() != null) {
            query.addCriteria(Criteria.where("dueOn").lt(filter.dueBefore()));
        }
        long total = mongo.count(query, FollowUpVisit.class);
        // the most urgent first; the id breaks ties so paging is stable
        query.with(Sort.by(Sort.Order.asc("dueOn"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size);
        List<FollowUpVisitView> items = mongo.find(query, FollowUpVisit.class).stream().map(FollowUpVisitView::of)
                .toList();
        return new Page<>(items, page, size, total);
    }

    record Filter(String gridCode, String disputeId, String patrolReportId, FollowUpVisitStatus status,
            LocalDate dueBefore) {
    }
}
