package org.tanchang.grid.cases.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.contracts.incident.IncidentOpened;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.ids.KeyedIds;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.ProblemException;

/** Opens incidents, whichever way they are reported, and reads them. */
@Service
class Incidents {

    /** The result of {@link #openOnce}: the incident with that id, and whether this call created it. */
    record Opened(Incident incident, boolean created) {
    }

    /** The optional filters of a list; {@code null} means any. The reporter's values are matched by keyed hash. */
    record Filter(String gridCode, IncidentState state, IncidentSource source, String sourceReference,
            String reporterPhone, String reporterIdNumber, IncidentType type, String townshipCode, Boolean overdue,
            Instant reportedFrom, Instant reportedTo, Boolean unplaced, String plate, String personIdNumber) {

        Filter(String gridCode, IncidentState state, IncidentSource source, String sourceReference,
                String reporterPhone, String reporterIdNumber) {
            this(gridCode, state, source, sourceReference, reporterPhone, reporterIdNumber, null, null, null, null,
                    null, null, null, null);
        }
    }

    /** Ids from an Idempotency-Key: name-based, as keyed incidents have always been stored. */
    private static final KeyedIds KEYED = KeyedIds.nameBased("inc-");

    private final MongoOperations mongo;
    private final IdempotentWrites writes;
    private final CaseNumbers caseNumbers;
    private final Outbox outbox;
    private final IncidentReporters reporters;
    private final IncidentProcedure procedure;
    private final Clock clock;

    Incidents(MongoOperations mongo, IdempotentWrites writes, CaseNumbers caseNumbers, Outbox outbox,
            IncidentReporters reporters, IncidentProcedure procedure, Clock clock) {
        this.procedure = procedure;
        this.mongo = mongo;
        this.writes = writes;
        this.caseNumbers = caseNumbers;
        this.outbox = outbox;
        this.reporters = reporters;
        this.clock = clock;
    }

    /** Opens a new incident under a fresh id. */
    Incident open(Incident.Report report) {
        Incident incident = newIncident(KEYED.random(), report);
        mongo.insert(incident);
        return incident;
    }

    /**
     * Opens the incident a caller reports with an Idempotency-Key: the id is derived from the caller and the key, so
     * the same caller's retry finds its first incident and another caller's equal key opens its own.
     */
    Opened openOnce(Caller caller, String idempotencyKey, Incident.Report report) {
        return openOnce(KEYED.of(caller.subject(), idempotencyKey), report);
    }

    /**
     * Opens the incident with a deterministic {@code id} (derived from its source) unless it exists, so a repeated
     * delivery or request has no second effect. The existence check is only there to avoid allocating a case number
     * in the common duplicate case; the unique {@code _id} of {@link IdempotentWrites#insertOnce} is what decides.
     */
    Opened openOnce(String id, Incident.Report report) {
        Incident existing = mongo.findById(id, Incident.class);
        if (existing != null) {
            return new Opened(existing, false);
        }
        // Two concurrent deliveries can both pass the check; the loser's case number is then skipped (a gap).
        Incident incident = newIncident(id, report);
        if (writes.insertOnce(incident)) {
            return new Opened(incident, true);
        }
        return new Opened(mongo.findById(id, Incident.class), false);
    }

    /** The incident if it lies in the caller's area; one outside it is as unknown as a missing one (404). */
    Incident get(Caller caller, String id) {
        // _id at the top level of the query, so the store looks it up by its index instead of scanning the $and
        Incident incident = mongo.findOne(Query.query(Criteria.where("_id").is(id).andOperator(visibleTo(caller))),
                Incident.class);
        if (incident == null) {
            throw ProblemException.notFound("Incident", id);
        }
        return incident;
    }

    /** Newest case number first, only incidents in the caller's area; reporters masked. */
    Page<IncidentView> list(Caller caller, Filter filter, int page, int size) {
        // The area condition sits inside its own $and: a gridCode filter on the same field would otherwise clash
        // with it in one query document.
        Query query = Filters.where().matching(new Criteria().andOperator(visibleTo(caller)))
                .is("gridCode", filter.gridCode()).is("state", filter.state()).is("source", filter.source())
                .is("sourceReference", filter.sourceReference()).is("type", filter.type())
                .matching(filter.townshipCode() == null ? null
                        : Criteria.where("townshipCode").is(filter.townshipCode()))
                .matching(Boolean.TRUE.equals(filter.overdue()) ? Criteria.where("flag").is(DeadlineFlag.RED) : null)
                .matching(Boolean.TRUE.equals(filter.unplaced()) ? Criteria.where("gridCode").is(null) : null)
                .matching(reportedBetween(filter.reportedFrom(), filter.reportedTo()))
                .matching(filter.plate() == null ? null : Criteria.where("details.vehicles.plate").is(filter.plate()))
                .matching(filter.personIdNumber() == null ? null : Criteria.where("details.persons.idNumber.hash")
                        .is(reporters.searchHashOfIdNumber(filter.personIdNumber())))
                .matching(filter.reporterPhone() == null ? null : reporters.withPhone(filter.reporterPhone()))
                .matching(filter.reporterIdNumber() == null ? null : reporters.withIdNumber(filter.reporterIdNumber()))
                .query();
        return Page.query(mongo, query, Incident.class, Sort.by(Sort.Direction.DESC, "caseNumber"), page, size,
                IncidentView::masked);
    }

    /**
     * Staff see the incidents of their area (by grid, or by township while unplaced); a citizen sees the ones they
     * reported themselves while signed in.
     */
    static Criteria visibleTo(Caller caller) {
        return Visibility.criteria(caller, "areaCode", "reporterId");
    }

    private static Criteria reportedBetween(Instant from, Instant to) {
        if (from == null && to == null) {
            return null;
        }
        Criteria reported = Criteria.where("reportedAt");
        if (from != null) {
            reported = reported.gte(from);
        }
        return to == null ? reported : reported.lt(to);
    }

    private Incident newIncident(String id, Incident.Report report) {
        // Mongo keeps milliseconds: truncating here makes the creating response equal to every later read.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Incident incident = Incident.reported(id, caseNumbers.next(now), report, now);
        procedure.startClock(incident, now);
        incident.outbox.add(outbox.event(IncidentOpened.TYPE, incident.id, new IncidentOpened(incident.id,
                incident.caseNumber, incident.gridCode, incident.source.name(), incident.sourceReference,
                FreeText.scrub(incident.description), incident.location, Times.local(incident.reportedAt))));
        return incident;
    }
}
