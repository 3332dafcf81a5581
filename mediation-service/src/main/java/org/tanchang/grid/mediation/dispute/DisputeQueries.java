package org.tanchang.grid.mediation.dispute;

import java.time.Clock;
import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.personaldata.Disclosure;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.workflow.TimeLimit;

/** Disputes as the caller may see them: every query carries the caller's area, so nothing outside it is found. */
@Service
class DisputeQueries {

    private final MongoOperations mongo;
    private final Disclosure disclosure;
    private final PersonalData personalData;
    private final Clock clock;

    DisputeQueries(MongoOperations mongo, Disclosure disclosure, PersonalData personalData, Clock clock) {
        this.mongo = mongo;
        this.disclosure = disclosure;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** A dispute outside the caller's area is not found, like a missing one: its existence does not leak. */
    Dispute load(Caller caller, String id) {
        Dispute dispute = mongo.findOne(Query.query(Criteria.where("_id").is(id).andOperator(visibleTo(caller))),
                Dispute.class);
        if (dispute == null) {
            throw ProblemException.notFound("Dispute", id);
        }
        return dispute;
    }

    DisputeView get(Caller caller, String id, boolean unmask) {
        Dispute dispute = load(caller, id);
        boolean clear = disclosure.unmask(caller, unmask, "disputes", id);
        return DisputeView.of(dispute, clear ? personalData::reveal : DisputeParties::masked, clock.instant());
    }

    /** The timeline of one dispute, oldest first; outside the caller's area it is not found (404). */
    DisputeTimeline timeline(Caller caller, String id) {
        Dispute dispute = load(caller, id);
        return new DisputeTimeline(dispute.id, dispute.state, dispute.timeline.stream()
                .map(DisputeView.TimelineView::of).toList());
    }

    record Filter(String gridCode, DisputeState state, String sourceReference, DisputeType type,
            MediationLevel level, DeadlineFlag flag) {
    }

    Page<DisputeView> list(Caller caller, Filter filter, int page, int size) {
        Instant now = clock.instant();
        // a grid filter finds the disputes in that grid and those spanning it; one $and holds both conditions
        Criteria scope = filter.gridCode() == null ? visibleTo(caller) : new Criteria().andOperator(inArea(caller),
                new Criteria().orOperator(Criteria.where("gridCode").is(filter.gridCode()),
                        Criteria.where("otherGridCodes").is(filter.gridCode())));
        Filters filters = Filters.where().matching(scope)
                .is("state", filter.state()).is("sourceReference", filter.sourceReference())
                .is("type", filter.type()).is("level", filter.level());
        filters.matching(filter.flag() == null ? null : flagged(filter.flag(), now));
        // newest first (Page.query breaks ties by id, so paging is stable)
        return Page.query(mongo, filters.query(), Dispute.class, Sort.by(Sort.Order.desc("openedAt")), page, size,
                d -> DisputeView.of(d, DisputeParties::masked, now));
    }

    /**
     * The running time limit's flag as a query, the same rule as {@link TimeLimit#flag}: RED once due, YELLOW from
     * the stored 70% mark until due. Disputes without a running limit (settled, declined) have no flag.
     */
    private static Criteria flagged(DeadlineFlag flag, Instant now) {
        // one chained criterion, not $and: the area condition already holds the query's only top-level $and
        return flag == DeadlineFlag.RED ? Criteria.where("deadline.dueAt").lte(now)
                : Criteria.where("deadline.yellowAt").lte(now).and("deadline.dueAt").gt(now);
    }

    /**
     * The caller's area as a query condition: the dispute's grid or any other grid it spans lies in the caller's
     * area. Wrapped in {@code $and} because a query cannot hold two top-level {@code $or} (the grid filter's).
     */
    static Criteria visibleTo(Caller caller) {
        return new Criteria().andOperator(inArea(caller));
    }

    private static Criteria inArea(Caller caller) {
        return new Criteria().orOperator(Visibility.criteria(caller, "gridCode", null),
                Visibility.criteria(caller, "otherGridCodes", null));
    }
}
