package org.tanchang.grid.mediation.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.tanchang.grid.contracts.mediation.FollowUpVisitAssigned;
import org.tanchang.grid.contracts.mediation.FollowUpVisitCompleted;
import org.tanchang.grid.contracts.mediation.FollowUpVisitOverdue;
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
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Steps;
import org.tanchang.grid.platform.workflow.VersionedWrites;

/** Schedules follow-up visits and answers questions about them. */
@Service
public class FollowUpVisits {

    private static final Logger log = LoggerFactory.getLogger(FollowUpVisits.class);

    private final MongoOperations mongo;
    private final IdempotentWrites writes;
    private final Outbox outbox;
    private final Clock clock;
    private final MediationProperties properties;
    private final Steps steps;
    private final VisitProcedure procedure;
    private final VersionedWrites versioned;

    FollowUpVisits(MongoOperations mongo, IdempotentWrites writes, Outbox outbox, Clock clock,
            MediationProperties properties, Steps steps, VisitProcedure procedure, VersionedWrites versioned) {
        this.steps = steps;
        this.procedure = procedure;
        this.versioned = versioned;
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
        visit.otherGridCodes = otherGridsOf(disputeId);
        visit.patrolReportId = patrolReportId;
        visit.dueOn = patrolDay.plus(properties.firstVisitAfter());
        visit.status = FollowUpVisitStatus.SCHEDULED;
        visit.assignee = assignee;
        visit.createdAt = clock.instant();
        visit.reason = "PATROL_FINDING";
        visit.outbox.add(outbox.event(FollowUpVisitScheduled.TYPE, visit.id,
                new FollowUpVisitScheduled(visit.id, disputeId, gridCode, visit.dueOn,
                        assignee == null ? null : assignee.id(), assignee == null ? null : assignee.name())));
        announceAssignee(visit);
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

    /**
     * Schedules the visit that follows a signed agreement, {@code visit-after-agreement} after the signing day. The id
     * is derived from the agreement, so a repeated call has no second effect. Returns the visit id.
     */
    public String scheduleAfterAgreement(String disputeId, String gridCode, String agreementId, LocalDate signedOn,
            Assignee assignee) {
        return schedule(disputeId + "-visit-" + agreementId, disputeId, gridCode, null,
                signedOn.plus(properties.visitAfterAgreement()), assignee, "AFTER_AGREEMENT");
    }

    /**
     * A visit a mediator asks for (e.g. for a party not yet asked), numbered on from the dispute's visits, assigned to
     * {@code assignee} and announced to them at once. Returns the visit id.
     */
    public String scheduleRequested(String disputeId, String gridCode, LocalDate dueOn, String partyToVisit,
            Assignee assignee) {
        for (int attempt = 0; attempt < 5; attempt++) {
            long made = mongo.count(Query.query(Criteria.where("disputeId").is(disputeId)), FollowUpVisit.class);
            String id = disputeId + "-visit-" + (made + 1 + attempt);
            if (insert(id, disputeId, gridCode, null, dueOn, assignee, "REQUESTED", partyToVisit)) {
                return id;
            }
        }
        throw ProblemException.conflict("Visits of dispute " + disputeId + " are being scheduled concurrently; "
                + "try again", java.util.Map.of("disputeId", disputeId));
    }

    /**
     * The visit's assignee hears of it at once, in the visit's own write: {@code alreadyDue} when it is due today or
     * earlier, for then no reminder "the day before" can reach them.
     */
    private void announceAssignee(FollowUpVisit visit) {
        if (visit.assignee == null || visit.assignee.id() == null) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Times.COUNTY_ZONE);
        visit.outbox.add(outbox.event(FollowUpVisitAssigned.TYPE, visit.id, new FollowUpVisitAssigned(visit.id,
                visit.disputeId, visit.gridCode, visit.dueOn, visit.assignee.id(), visit.assignee.name(),
                visit.partyToVisit, !visit.dueOn.isAfter(today))));
    }

    private String schedule(String id, String disputeId, String gridCode, String patrolReportId, LocalDate dueOn,
            Assignee assignee, String reason) {
        insert(id, disputeId, gridCode, patrolReportId, dueOn, assignee, reason, null);
        return id;
    }

    private boolean insert(String id, String disputeId, String gridCode, String patrolReportId, LocalDate dueOn,
            Assignee assignee, String reason, String partyToVisit) {
        FollowUpVisit visit = new FollowUpVisit();
        visit.id = id;
        visit.disputeId = disputeId;
        visit.gridCode = gridCode;
        visit.otherGridCodes = otherGridsOf(disputeId);
        visit.patrolReportId = patrolReportId;
        visit.dueOn = dueOn;
        visit.status = FollowUpVisitStatus.SCHEDULED;
        visit.assignee = assignee;
        visit.createdAt = clock.instant();
        visit.reason = reason;
        visit.partyToVisit = partyToVisit;
        visit.outbox.add(outbox.event(FollowUpVisitScheduled.TYPE, visit.id,
                new FollowUpVisitScheduled(visit.id, disputeId, gridCode, visit.dueOn,
                        assignee == null ? null : assignee.id(), assignee == null ? null : assignee.name())));
        announceAssignee(visit);
        if (writes.insertOnce(visit)) {
            log.info("Scheduled follow-up visit {} of dispute {} on {} ({})", visit.id, disputeId, dueOn, reason);
            return true;
        }
        return false;
    }

    /**
     * Records the outcome of a visit, with FollowUpVisitCompleted in the same versioned write (a visit already made,
     * or completed meanwhile, is a 409). A visit that found the party dissatisfied or the hazard remaining is not the
     * end: the next visit is scheduled at once (三个不放).
     */
    FollowUpVisitView complete(Caller caller, String id, CompleteVisit outcome) {
        FollowUpVisit visit = mongo.findOne(Query.query(Criteria.where("_id").is(id).andOperator(visibleTo(caller))),
                FollowUpVisit.class);
        if (visit == null) {
            throw ProblemException.notFound("Follow-up visit", id);
        }
        steps.take(procedure, visit, caller, FollowUpVisitWorkflow.COMPLETE, null, (v, step) -> {
            v.visitedOn = outcome.visitedOn();
            v.partyName = outcome.partyName().strip();
            v.satisfied = outcome.satisfied();
            v.hazardRemains = outcome.hazardRemains();
            v.notes = outcome.notes();
            v.visitorId = step.caller().subject();
            v.visitorName = step.caller().name();
            v.completedAt = step.at();
            v.outbox.add(outbox.event(FollowUpVisitCompleted.TYPE, v.id, new FollowUpVisitCompleted(v.id,
                    v.disputeId, v.gridCode, v.visitorId, v.partyName, v.satisfied, v.hazardRemains, v.visitedOn)));
        });
        if (!visit.satisfied || visit.hazardRemains) {
            long made = mongo.count(Query.query(Criteria.where("disputeId").is(visit.disputeId)), FollowUpVisit.class);
            schedule(visit.disputeId + "-visit-" + (made + 1), visit.disputeId, visit.gridCode, visit.patrolReportId,
                    visit.visitedOn.plus(properties.revisitAfter()), visit.assignee, "REVISIT");
        }
        return FollowUpVisitView.of(visit);
    }

    /** The other grids the dispute spans now (read from its document: the visit follows what the dispute shows). */
    @SuppressWarnings("unchecked")
    private List<String> otherGridsOf(String disputeId) {
        org.bson.Document dispute = mongo.findById(disputeId, org.bson.Document.class, "disputes");
        Object codes = dispute == null ? null : dispute.get("otherGridCodes");
        return codes instanceof List<?> list ? new java.util.ArrayList<>((List<String>) list) : new java.util.ArrayList<>();
    }

    /** The dispute now spans these grids too: so do its visits, made and to come (a retry adds nothing twice). */
    public void spanGrids(String disputeId, List<String> gridCodes) {
        if (!gridCodes.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("disputeId").is(disputeId)),
                    new org.springframework.data.mongodb.core.query.Update().addToSet("otherGridCodes")
                            .each(gridCodes.toArray()).inc("version", 1), FollowUpVisit.class);
        }
    }

    /** Every visit of a dispute, oldest first: what the closing guard weighs. */
    public List<VisitSummary> ofDispute(String disputeId) {
        return mongo.find(Query.query(Criteria.where("disputeId").is(disputeId))
                        .with(Sort.by("createdAt", "_id")), FollowUpVisit.class).stream()
                .map(v -> new VisitSummary(v.id, v.status, v.dueOn, v.partyName, v.satisfied, v.hazardRemains,
                        v.visitedOn, v.completedAt)).toList();
    }

    /**
     * Raises FollowUpVisitOverdue once for each visit not made by its due day (the day before {@code today} or
     * earlier). The mark and the event are one write with a version check, so two sweeps never raise it twice.
     * Returns how many were raised.
     */
    int raiseOverdue(LocalDate today) {
        Query late = Query.query(Criteria.where("status").is(FollowUpVisitStatus.SCHEDULED).and("dueOn").lt(today)
                .and("overdueRaisedAt").is(null)).limit(500);
        int raised = 0;
        for (FollowUpVisit visit : mongo.find(late, FollowUpVisit.class)) {
            VersionedWrites.Snapshot read = versioned.read(visit);
            visit.overdueRaisedAt = clock.instant();
            visit.outbox.add(outbox.event(FollowUpVisitOverdue.TYPE, visit.id, new FollowUpVisitOverdue(visit.id,
                    visit.disputeId, visit.gridCode, visit.dueOn, visit.assignee == null ? null : visit.assignee.id())));
            if (versioned.tryWrite(visit, read)) {
                raised++;
            } else {
                log.debug("Visit {} changed while sweeping; the next sweep looks again", visit.id);
            }
        }
        return raised;
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
        // a grid filter finds the visits in that grid and those of disputes spanning it; one $and holds both
        Criteria scope = filter.gridCode() == null ? visibleTo(caller) : new Criteria().andOperator(inArea(caller),
                new Criteria().orOperator(Criteria.where("gridCode").is(filter.gridCode()),
                        Criteria.where("otherGridCodes").is(filter.gridCode())));
        Query query = Filters.where().matching(scope)
                .is("disputeId", filter.disputeId()).is("patrolReportId", filter.patrolReportId())
                .is("status", filter.status()).before("dueOn", filter.dueBefore()).query();
        if (Boolean.TRUE.equals(filter.overdue())) {
            query.addCriteria(Criteria.where("overdueRaisedAt").ne(null));
        }
        // the most urgent first
        return Page.query(mongo, query, FollowUpVisit.class, Sort.by(Sort.Order.asc("dueOn")), page, size,
                FollowUpVisitView::of);
    }

    /**
     * The caller's area as a query condition, on the visit's own grid codes (copied from its dispute when scheduled
     * and kept in step by {@link #spanGrids}, so no join is needed). Wrapped in {@code $and} because a query cannot
     * hold two top-level {@code $or} (the grid filter's).
     */
    private static Criteria visibleTo(Caller caller) {
        return new Criteria().andOperator(inArea(caller));
    }

    /** In the caller's area: the visit's own grid or another grid its dispute spans. */
    private static Criteria inArea(Caller caller) {
        return new Criteria().orOperator(Visibility.criteria(caller, "gridCode", null),
                Visibility.criteria(caller, "otherGridCodes", null));
    }

    record Filter(String gridCode, String disputeId, String patrolReportId, FollowUpVisitStatus status,
            LocalDate dueBefore, Boolean overdue) {
    }
}
