package org.tanchang.grid.gridservice.care;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.care.CarePlanChanged;
import org.tanchang.grid.gridservice.household.CareHouseholds;
import org.tanchang.grid.gridservice.household.CareTag;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.time.WorkCalendar;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.workflow.VersionedWrites;

/**
 * Care plans of the caller's area: pairing, changing and ending them (officers and supervisors), reading them and
 * recording visits (those who work in the grid). Every write is one versioned write of the plan with its event.
 */
@Service
class CarePlans {

    /** A visit may be dated a little ahead of the server's clock (a phone's clock), not more. */
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    private final MongoOperations mongo;
    private final VersionedWrites writes;
    private final CareHouseholds households;
    private final CareVisits visits;
    private final CareProperties properties;
    private final WorkCalendar calendar;
    private final Outbox outbox;
    private final Clock clock;

    CarePlans(MongoOperations mongo, VersionedWrites writes, CareHouseholds households, CareVisits visits,
            CareProperties properties, WorkCalendar calendar, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.households = households;
        this.visits = visits;
        this.properties = properties;
        this.calendar = calendar;
        this.outbox = outbox;
        this.clock = clock;
    }

    CarePlanView create(Caller caller, CareRequests.CreatePlan r) {
        Visibility.requireArea(caller, r.gridCode());
        CareHouseholds.CareTarget household = households.find(r.householdId())
                .filter(h -> h.gridCode().equals(r.gridCode()))
                .orElseThrow(() -> ProblemException.unprocessable("unknown-household", "Unknown household",
                        "Household " + r.householdId() + " does not exist in grid " + r.gridCode()));
        if (household.careTags().isEmpty()) {
            throw ProblemException.unprocessable("no-care-tags", "Household needs no care",
                    "Household " + r.householdId() + " has no care tags; tag it (or its residents) first");
        }
        CarePlan active = mongo.findOne(Query.query(Criteria.where("householdId").is(r.householdId())
                .and("state").is(CarePlan.State.ACTIVE)), CarePlan.class);
        if (active != null) {
            throw ProblemException.conflict("Household " + r.householdId() + " is already paired in plan "
                    + active.id + "; change or end that plan", Map.of("planId", active.id));
        }
        Instant now = clock.instant();
        CarePlan p = new CarePlan();
        p.id = "care-plan-" + UUID.randomUUID();
        p.gridCode = household.gridCode();
        p.householdId = household.id();
        p.careTags = EnumSet.copyOf(household.careTags());
        p.memberId = r.memberId();
        p.state = CarePlan.State.ACTIVE;
        p.createdBy = caller.subject();
        p.createdAt = now;
        schedule(p, r.frequencyDays(), now, now);
        p.outbox.add(changed(p, "CREATED", caller.subject(), now));
        mongo.insert(p);
        return CarePlanView.of(p, 0);
    }

    CarePlanView change(Caller caller, String id, CareRequests.ChangePlan r) {
        CarePlan p = active(caller, id);
        VersionedWrites.Snapshot before = writes.read(p);
        Instant now = clock.instant();
        households.find(p.householdId).filter(h -> !h.careTags().isEmpty())
                .ifPresent(h -> p.careTags = EnumSet.copyOf(h.careTags()));
        p.memberId = r.memberId();
        p.updatedBy = caller.subject();
        p.updatedAt = now;
        schedule(p, r.frequencyDays(), p.lastVisitAt != null ? p.lastVisitAt : p.createdAt, now);
        p.outbox.add(changed(p, "CHANGED", caller.subject(), now));
        writes.write(p, before);
        return CarePlanView.of(p, visits.countOf(p.id));
    }

    CarePlanView end(Caller caller, String id, CareRequests.EndPlan r) {
        CarePlan p = active(caller, id);
        VersionedWrites.Snapshot before = writes.read(p);
        Instant now = clock.instant();
        p.state = CarePlan.State.ENDED;
        p.deadline = null;
        p.endedBy = caller.subject();
        p.endedAt = now;
        p.endReason = FreeText.scrub(r.reason());
        p.outbox.add(changed(p, "ENDED", caller.subject(), now));
        writes.write(p, before);
        return CarePlanView.of(p, visits.countOf(p.id));
    }

    CarePlanView get(Caller caller, String id) {
        CarePlan p = load(caller, id);
        return CarePlanView.of(p, visits.countOf(p.id));
    }

    Page<CarePlanView> list(Caller caller, String gridCode, String memberId, CarePlan.State state, Boolean overdue,
            int page, int size) {
        List<Criteria> conditions = new ArrayList<>(List.of(Visibility.criteria(caller, "gridCode", null)));
        if (gridCode != null) {
            conditions.add(Criteria.where("gridCode").is(gridCode));
        }
        if (memberId != null) {
            conditions.add(Criteria.where("memberId").is(memberId));
        }
        if (state != null) {
            conditions.add(Criteria.where("state").is(state));
        }
        if (overdue != null) {
            conditions.add(overdue ? Criteria.where("overdueSince").ne(null) : Criteria.where("overdueSince").is(null));
        }
        Query query = Query.query(new Criteria().andOperator(conditions));
        query.fields().exclude(Outbox.FIELD);
        return Page.query(mongo, query, CarePlan.class, Sort.by("gridCode", "createdAt", "_id"), page, size,
                p -> CarePlanView.of(p, visits.countOf(p.id)));
    }

    CareVisitView recordVisit(Caller caller, String id, CareRequests.RecordVisit r) {
        CarePlan p = active(caller, id);
        Instant now = clock.instant();
        Instant visitedAt = r.visitedAt() == null ? now : r.visitedAt().toInstant();
        if (visitedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid(List.of(new FieldError("visitedAt", "must not be in the future")));
        }
        VersionedWrites.Snapshot before = writes.read(p);
        boolean onTime = CareDueDates.onTime(visitedAt, p.deadline, p.overdueSince);
        applyVisit(p, visitedAt, now);
        writes.write(p, before);
        CareVisit visit = visits.newVisit("care-visit-" + UUID.randomUUID(), p, p.gridCode, caller.subject(),
                CareVisit.DIRECT, visitedAt, r.found(), r.done(), r.followUpNeeded(), onTime, caller.subject(), now,
                nextDueOn(p));
        mongo.insert(visit);
        return CareVisitView.of(visit);
    }

    Page<CareVisitView> visitsOf(Caller caller, String id, int page, int size) {
        return visits.list(load(caller, id).id, page, size);
    }

    /**
     * Moves the plan on for a visit made at {@code visitedAt}: the next visit falls due a period after it, never
     * earlier than it already was (a visit recorded late for an earlier day does not bring the next one forward), and
     * an overdue plan is kept up again. Applying the same visit twice changes nothing, which keeps the patrol
     * finding's consumer idempotent. Returns false when nothing changed.
     */
    boolean applyVisit(CarePlan p, Instant visitedAt, Instant now) {
        if (p.state != CarePlan.State.ACTIVE || p.lastVisitAt != null && !visitedAt.isAfter(p.lastVisitAt)) {
            return false;
        }
        p.lastVisitAt = visitedAt;
        if (p.overdueSince != null && !visitedAt.isBefore(p.overdueSince)) {
            p.overdueSince = null;
        }
        LocalDate day = CareDueDates.dueDay(Times.local(visitedAt).toLocalDate(), p.frequencyDays, today(now),
                calendar);
        var next = CareDueDates.deadline(visitedAt, day, p.frequencyDays, Times.zone());
        if (p.deadline == null || next.dueAt().isAfter(p.deadline.dueAt())) {
            p.deadline = next;
        }
        return true;
    }

    /** Sets the frequency (own or the tags' default) and the next due day counted from {@code from}. */
    private void schedule(CarePlan p, Integer frequencyDays, Instant from, Instant now) {
        p.frequencyOverridden = frequencyDays != null;
        p.frequencyDays = CareDueDates.frequency(p.careTags, frequencyDays, properties);
        LocalDate day = CareDueDates.dueDay(Times.local(from).toLocalDate(), p.frequencyDays, today(now), calendar);
        p.deadline = CareDueDates.deadline(now, day, p.frequencyDays, Times.zone());
    }

    private CarePlan active(Caller caller, String id) {
        CarePlan p = load(caller, id);
        if (p.state != CarePlan.State.ACTIVE) {
            throw ProblemException.conflict("Care plan " + id + " has ended", Map.of("planId", id,
                    "state", p.state.name()));
        }
        return p;
    }

    private CarePlan load(Caller caller, String id) {
        CarePlan p = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Visibility.criteria(caller, "gridCode", null))), CarePlan.class);
        if (p == null) {
            throw ProblemException.notFound("Care plan", id);
        }
        return p;
    }

    private org.tanchang.grid.platform.outbox.OutboxEvent changed(CarePlan p, String change, String actor,
            Instant now) {
        return outbox.event(CarePlanChanged.TYPE, p.id, new CarePlanChanged(p.id, change, p.householdId, p.gridCode,
                tags(p.careTags), p.memberId, p.frequencyDays, nextDueOn(p), Times.local(now), actor));
    }

    static LocalDate nextDueOn(CarePlan p) {
        return p.deadline == null ? null : CareDueDates.dayOf(p.deadline.dueAt(), Times.zone());
    }

    static List<String> tags(Set<CareTag> tags) {
        return tags == null ? List.of() : tags.stream().map(Enum::name).sorted().toList();
    }

    private static LocalDate today(Instant now) {
        OffsetDateTime local = Times.local(now);
        return local.toLocalDate();
    }
}
