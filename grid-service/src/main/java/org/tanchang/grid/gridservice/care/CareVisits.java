package org.tanchang.grid.gridservice.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.care.CareVisitRecorded;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.web.Page;

/** The visits of the care plans: each written once with the event that makes it count. */
@Component
class CareVisits {

    private final MongoOperations mongo;
    private final Outbox outbox;

    CareVisits(MongoOperations mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** A visit of {@code plan} (null: recorded against {@code gridCode} only) with its CareVisitRecorded event. */
    CareVisit newVisit(String id, CarePlan plan, String gridCode, String memberId, String source, Instant visitedAt,
            String found, String done, boolean followUpNeeded, boolean onTime, String recordedBy, Instant now,
            LocalDate nextDueOn) {
        String planId = plan == null ? null : plan.id;
        String householdId = plan == null ? null : plan.householdId;
        CareVisitRecorded recorded = new CareVisitRecorded(id, planId, householdId, gridCode,
                plan == null ? List.of() : CarePlans.tags(plan.careTags), memberId, source, Times.local(visitedAt),
                onTime, followUpNeeded, nextDueOn);
        // keyed by plan, so a plan's visits and misses stay in order on the topic
        return new CareVisit(id, planId, householdId, gridCode, memberId, source, visitedAt, FreeText.scrub(found),
                FreeText.scrub(done), followUpNeeded, onTime, recordedBy, now,
                List.of(outbox.event(CareVisitRecorded.TYPE, planId != null ? planId : id, recorded)));
    }

    long countOf(String planId) {
        return mongo.count(Query.query(Criteria.where("planId").is(planId)), CareVisit.class);
    }

    Page<CareVisitView> list(String planId, int page, int size) {
        Query query = Query.query(Criteria.where("planId").is(planId));
        query.fields().exclude(Outbox.FIELD);
        return Page.query(mongo, query, CareVisit.class, Sort.by(Sort.Direction.DESC, "visitedAt").and(Sort.by("_id")),
                page, size, CareVisitView::of);
    }
}
