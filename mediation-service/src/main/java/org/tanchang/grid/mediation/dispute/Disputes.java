package org.tanchang.grid.mediation.dispute;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.mediation.DisputeOpened;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.petition.RequestReferred;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.geo.GridMap;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.Disclosure;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.FieldError;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.ProblemException;
import org.tanchang.grid.platform.web.Times;

/** Opens disputes (from patrol findings, one-window referrals and walk-ins) and answers questions about them. */
@Service
public class Disputes {

    private static final Logger log = LoggerFactory.getLogger(Disputes.class);

    private final MongoOperations mongo;
    private final IdempotentWrites writes;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Escalation escalation;
    private final DisputeParties parties;
    private final Disclosure disclosure;
    private final PersonalData personalData;
    private final ObjectProvider<GridMap> gridMap;
    private final Deadlines deadlines;

    Disputes(MongoOperations mongo, IdempotentWrites writes, Outbox outbox, Clock clock, MeterRegistry meters,
            Escalation escalation, DisputeParties parties, Disclosure disclosure, PersonalData personalData,
            ObjectProvider<GridMap> gridMap, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.mongo = mongo;
        this.writes = writes;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        this.escalation = escalation;
        this.parties = parties;
        this.disclosure = disclosure;
        this.personalData = personalData;
        this.gridMap = gridMap;
    }

    /** The id of the dispute a patrol finding opens: derived from it, so a redelivered report cannot open a second. */
    public static String idOfPatrolFinding(String reportId, int findingIndex) {
        return "patrol-" + reportId + "-" + findingIndex;
    }

    /** The id of the dispute a one-window referral opens, derived from the request for the same reason. */
    public static String idOfRequest(String requestId) {
        return "request-" + requestId;
    }

    /**
     * Opens the dispute of a DISPUTE finding, with its {@code DisputeOpened} event in the same write. A patrol finding
     * says nothing of type and risk: OTHER and MEDIUM until the mediator classifies it on acceptance. Returns the
     * dispute id, also when the dispute was already open (a redelivery): the caller's next step needs it either way.
     */
    public String openFromPatrolFinding(String reportId, String gridCode, PatrolFinding finding) {
        Dispute dispute = fresh(idOfPatrolFinding(reportId, finding.index()), gridCode, DisputeSource.PATROL_FINDING,
                reportId, finding.description(), finding.location(), DisputeType.OTHER, RiskLevel.MEDIUM,
                "grid-service", "patrol report " + reportId);
        dispute.patrolFindingIndex = finding.index();
        insertOnce(dispute);
        return dispute.id;
    }

    /** Opens the dispute of a one-window request referred to mediation (idempotent like the patrol findings). */
    public String openFromRequest(RequestReferred request) {
        String gridCode = request.gridCode() != null ? request.gridCode()
                : locate(request.location()).map(GridArea::gridCode).orElse(null);
        if (gridCode == null) {
            log.warn("Request {} referred to mediation has neither grid nor a located point; not opened",
                    request.requestId());
            return null;
        }
        Dispute dispute = fresh(idOfRequest(request.requestId()), gridCode, DisputeSource.ONE_WINDOW_REQUEST,
                request.requestId(), request.description(), request.location(), DisputeType.OTHER, RiskLevel.MEDIUM,
                "petition-service", "one-window request " + request.number());
        insertOnce(dispute);
        return dispute.id;
    }

    /** A walk-in (or case referral) through the API; the grid comes from the location when it lies in a known grid. */
    DisputeView openWalkIn(Caller caller, Requests.OpenDispute request) {
        GeoPoint point = request.location() == null ? null
                : new GeoPoint(request.location().longitude(), request.location().latitude());
        String gridCode = locate(point).map(GridArea::gridCode).orElse(request.gridCode());
        if (gridCode == null) {
            throw ProblemException.invalid(List.of(new FieldError("gridCode",
                    "must be given when the location is missing or outside every known grid")));
        }
        DisputeSource source = request.source() == null ? DisputeSource.WALK_IN : request.source();
        if (source != DisputeSource.WALK_IN && source != DisputeSource.CASE) {
            throw ProblemException.invalid(List.of(new FieldError("source", "must be WALK_IN or CASE")));
        }
        Visibility.requireArea(caller, gridCode);
        List<Parts.Party> added = parties.protect(request.parties() == null ? List.of() : request.parties(), 0);
        Dispute dispute = fresh("dispute-" + java.util.UUID.randomUUID(), gridCode, source, request.sourceReference(),
                request.description(), point, request.type(), request.riskLevel(), caller.subject(), null);
        dispute.openedBy = caller.subject();
        dispute.timeline.set(0, new Parts.TimelineEntry("open", null, DisputeState.APPLIED, caller.subject(),
                caller.name(), dispute.openedAt, source == DisputeSource.WALK_IN ? "来访申请调解" : "案件移送调解"));
        dispute.parties.addAll(added);
        insertOnce(dispute);
        return DisputeView.of(dispute, DisputeParties::masked, clock.instant());
    }

    private Dispute fresh(String id, String gridCode, DisputeSource source, String reference, String description,
            GeoPoint location, DisputeType type, RiskLevel risk, String actor, String remark) {
        Instant now = clock.instant();
        Dispute dispute = new Dispute();
        dispute.id = id;
        dispute.gridCode = gridCode;
        dispute.source = source;
        dispute.sourceReference = reference;
        dispute.description = description;
        dispute.location = location;
        dispute.type = type;
        dispute.riskLevel = risk;
        dispute.level = MediationLevel.GRID;
        dispute.levelSince = now;
        dispute.state = DisputeState.APPLIED;
        dispute.openedAt = now;
        dispute.deadline = deadlines.acceptance(now);
        dispute.timeline.add(new Parts.TimelineEntry("open", null, DisputeState.APPLIED, actor, null, now, remark));
        dispute.outbox.add(outbox.event(DisputeOpened.TYPE, id, new DisputeOpened(id, gridCode, source.name(),
                reference, description, Times.local(now))));
        escalation.byRisk(dispute, now, "risk " + risk + " on opening");
        return dispute;
    }

    private void insertOnce(Dispute dispute) {
        if (writes.insertOnce(dispute)) {
            meters.counter("tanchang.mediation.disputes.opened", "source", dispute.source.name()).increment();
            log.info("Opened dispute {} in grid {} from {} {}", dispute.id, dispute.gridCode, dispute.source,
                    dispute.sourceReference);
        } else {
            log.debug("Dispute {} was already open", dispute.id);
        }
    }

    private Optional<GridArea> locate(GeoPoint point) {
        GridMap map = gridMap.getIfAvailable();
        return point == null || map == null ? Optional.empty() : map.locate(point.longitude(), point.latitude());
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

    Page<DisputeView> list(Caller caller, String gridCode, DisputeState state, String sourceReference,
            DisputeType type, MediationLevel level, int page, int size) {
        Query query = Filters.where().matching(visibleTo(caller)).is("gridCode", gridCode).is("state", state)
                .is("sourceReference", sourceReference).is("type", type).is("level", level).query();
        Instant now = clock.instant();
        // newest first (Page.query breaks ties by id, so paging is stable)
        return Page.query(mongo, query, Dispute.class, Sort.by(Sort.Order.desc("openedAt")), page, size,
                d -> DisputeView.of(d, DisputeParties::masked, now));
    }

    /**
     * The caller's area as a query condition. Wrapped in {@code $and} because the area condition is on
     * {@code gridCode} too, and a query cannot hold two top-level conditions on one field (the grid filter).
     */
    static Criteria visibleTo(Caller caller) {
        return new Criteria().andOperator(Visibility.criteria(caller, "gridCode", null));
    }
}
