package org.tanchang.grid.gridservice.care;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.gridservice.household.CareHouseholds;
import org.tanchang.grid.platform.consume.EventReader;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.workflow.VersionedWrites;

/**
 * A CARE finding of a patrol report is a care visit. It is linked to an active plan of the report's grid when one of
 * the people it names ({@code peopleConcerned}) is a resident of that plan's household, preferring the reporting
 * member's own plans when several match; it then moves that plan's next due day. Otherwise (nobody named, or the name
 * fits no paired household, or fits several) it is recorded against the grid: it counts as a visit made by the
 * member in the grid's figures but moves no plan. The names are compared inside the household package and never
 * stored with the visit.
 *
 * <p>grid-service publishes the report itself and reads it back from the topic, like every other consumer, so the
 * visit is recorded whether the report came through the API or a replay; the visit's id
 * ({@code care-<reportId>-<index>}) makes a redelivery record nothing twice.
 */
@Component
class CareFindings {

    private static final int ATTEMPTS = 5;

    private final EventReader reader;
    private final IdempotentWrites idempotent;
    private final MongoOperations mongo;
    private final VersionedWrites writes;
    private final CareHouseholds households;
    private final CarePlans plans;
    private final CareVisits visits;
    private final Clock clock;

    CareFindings(EventReader reader, IdempotentWrites idempotent, MongoOperations mongo, VersionedWrites writes,
            CareHouseholds households, CarePlans plans, CareVisits visits, Clock clock) {
        this.reader = reader;
        this.idempotent = idempotent;
        this.mongo = mongo;
        this.writes = writes;
        this.households = households;
        this.plans = plans;
        this.visits = visits;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PATROL_REPORTS, groupId = "${spring.application.name}-care")
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, PatrolReportSubmitted.TYPE).ifPresent(e -> {
            for (PatrolFinding finding : e.data().findings()) {
                if (finding.kind() == FindingKind.CARE) {
                    record(e.data(), finding);
                }
            }
        });
    }

    private void record(PatrolReportSubmitted report, PatrolFinding finding) {
        String id = "care-" + report.reportId() + "-" + finding.index();
        Instant visitedAt = report.endedAt().toInstant();
        Instant now = clock.instant();
        CarePlan plan = planNamedBy(report, finding);
        boolean onTime = plan != null && CareDueDates.onTime(visitedAt, plan.deadline, plan.overdueSince);
        java.time.LocalDate nextDueOn = null;
        if (plan != null) {
            plans.applyVisit(plan, visitedAt, now);   // in memory only: the next due day the event announces
            nextDueOn = CarePlans.nextDueOn(plan);
        }
        CareVisit visit = visits.newVisit(id, plan, report.gridCode(), report.memberId(), CareVisit.PATROL_FINDING,
                visitedAt, finding.description(), null, false, onTime, report.memberId(), now, nextDueOn);
        idempotent.insertOnce(visit);
        // also after a duplicate: the visit may have been stored by a delivery that failed before moving the plan
        if (plan != null) {
            moveOn(plan.id, visitedAt);
        }
    }

    private CarePlan planNamedBy(PatrolReportSubmitted report, PatrolFinding finding) {
        List<String> people = finding.peopleConcerned() == null ? List.of() : finding.peopleConcerned();
        if (people.isEmpty()) {
            return null;
        }
        List<CarePlan> active = mongo.find(Query.query(Criteria.where("gridCode").is(report.gridCode())
                .and("state").is(CarePlan.State.ACTIVE)), CarePlan.class);
        List<String> named = households.naming(active.stream().map(p -> p.householdId).toList(), people);
        List<CarePlan> matching = active.stream().filter(p -> named.contains(p.householdId))
                .sorted(Comparator.comparing((CarePlan p) -> !p.memberId.equals(report.memberId()))).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        List<CarePlan> own = matching.stream().filter(p -> p.memberId.equals(report.memberId())).toList();
        return own.size() == 1 ? own.get(0) : null;
    }

    private void moveOn(String planId, Instant visitedAt) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CarePlan plan = mongo.findById(planId, CarePlan.class);
            if (plan == null) {
                return;
            }
            VersionedWrites.Snapshot before = writes.read(plan);
            if (!plans.applyVisit(plan, visitedAt, clock.instant()) || writes.tryWrite(plan, before)) {
                return;
            }
        }
        throw new IllegalStateException("Care plan " + planId + " kept changing; the record is retried");
    }
}
