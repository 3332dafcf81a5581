package org.tanchang.grid.cases.hazard;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.Page;

/** Opens hazards, whichever way they are found, and reads them in the caller's area. */
@Service
class Hazards {

    /** The optional filters of a list; {@code null} means any. */
    record Filter(String gridCode, HazardState state, HazardKind kind, RiskLevel riskLevel, HazardLevel level,
            String sourceReference, Boolean overdue) {
    }

    private final MongoOperations mongo;
    private final IdempotentWrites writes;
    private final HazardDeadlines deadlines;
    private final HazardEvents events;
    private final Clock clock;

    Hazards(MongoOperations mongo, IdempotentWrites writes, HazardDeadlines deadlines, HazardEvents events,
            Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.deadlines = deadlines;
        this.events = events;
        this.clock = clock;
    }

    Hazard open(Hazard.Report report) {
        Hazard hazard = newHazard("hzd-" + UUID.randomUUID(), report);
        mongo.insert(hazard);
        return hazard;
    }

    /**
     * Opens the hazard with an id derived from its source unless it exists: a redelivered patrol report opens
     * nothing twice ({@link IdempotentWrites#insertOnce} decides on the unique id). Returns whether it was created.
     */
    boolean openOnce(String id, Hazard.Report report) {
        return writes.insertOnce(newHazard(id, report));
    }

    /** The hazard if it lies in the caller's area; outside it is as unknown as a missing one (404). */
    Hazard get(Caller caller, String id) {
        Hazard hazard = mongo.findOne(Query.query(Criteria.where("_id").is(id).andOperator(visibleTo(caller))),
                Hazard.class);
        if (hazard == null) {
            throw ProblemException.notFound("Hazard", id);
        }
        return hazard;
    }

    /** Newest first, only the caller's area; responsible parties masked. */
    Page<HazardView> list(Caller caller, Filter filter, int page, int size) {
        Query query = Filters.where().matching(new Criteria().andOperator(visibleTo(caller)))
                .is("gridCode", filter.gridCode()).is("state", filter.state()).is("kind", filter.kind())
                .is("riskLevel", filter.riskLevel()).is("level", filter.level())
                .is("sourceReference", filter.sourceReference())
                .matching(Boolean.TRUE.equals(filter.overdue())
                        ? Criteria.where("deadline.raised").is(DeadlineFlag.RED) : null)
                .query();
        return Page.query(mongo, query, Hazard.class, Sort.by(Sort.Direction.DESC, "reportedAt", "_id"), page, size,
                HazardView::of);
    }

    /** Staff see the hazards of their area by grid; citizens see none (they are refused by role before this). */
    static Criteria visibleTo(Caller caller) {
        return Visibility.criteria(caller, "gridCode", null);
    }

    private Hazard newHazard(String id, Hazard.Report report) {
        // Mongo keeps milliseconds: the creating response then equals every later read
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Hazard hazard = Hazard.reported(id, report, now);
        hazard.deadline = deadlines.start(HazardWorkflow.ORDERING, hazard, now);
        events.opened(hazard);
        return hazard;
    }
}
