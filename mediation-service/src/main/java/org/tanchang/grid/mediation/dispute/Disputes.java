package org.tanchang.grid.mediation.dispute;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.mediation.DisputeOpened;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.petition.RequestReferred;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.geo.GridMap;
import org.tanchang.grid.platform.ids.KeyedIds;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;

/** Opens disputes: from patrol findings, one-window referrals and walk-ins ({@link DisputeQueries} reads them). */
@Service
public class Disputes {

    /** Ids of walk-ins with an Idempotency-Key: name-based, as they have always been stored. */
    private static final KeyedIds KEYED = KeyedIds.nameBased("dispute-");

    private static final Logger log = LoggerFactory.getLogger(Disputes.class);

    private final MongoOperations mongo;
    private final IdempotentWrites writes;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Escalation escalation;
    private final DisputeParties parties;
    private final ObjectProvider<GridMap> gridMap;
    private final Deadlines deadlines;
    private final PatrolHint hints;

    Disputes(MongoOperations mongo, IdempotentWrites writes, Outbox outbox, Clock clock, MeterRegistry meters,
            Escalation escalation, DisputeParties parties, ObjectProvider<GridMap> gridMap, Deadlines deadlines,
            PatrolHint hints) {
        this.hints = hints;
        this.deadlines = deadlines;
        this.mongo = mongo;
        this.writes = writes;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        this.escalation = escalation;
        this.parties = parties;
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
     * Opens the dispute of a DISPUTE finding, with its {@code DisputeOpened} event in the same write. Type, risk and
     * parties come from the member's hint when the finding has one ({@link PatrolHint}; OTHER / MEDIUM and no parties
     * without), the risk escalating at once exactly as for a walk-in of that risk. The parties go through the same
     * protection as {@code add-parties} and are numbered from 0 in the order the member named them, in the same
     * write as the dispute: a redelivered report finds the dispute open and adds nothing. Returns the dispute id,
     * also when the dispute was already open: the caller's next step needs it either way.
     */
    public String openFromPatrolFinding(String reportId, String gridCode, PatrolFinding finding) {
        return openFromPatrolFinding(reportId, gridCode, finding, null);
    }

    /**
     * As above, with the time of the patrol that found it ({@code DisputeOpened.originatedAt}): the statistics count
     * the dispute on the patrol's day, not on the day this service happened to process the report.
     */
    public String openFromPatrolFinding(String reportId, String gridCode, PatrolFinding finding,
            OffsetDateTime patrolTime) {
        String id = idOfPatrolFinding(reportId, finding.index());
        FindingDispute hint = finding.dispute();
        List<DisputeRequests.PartyRequest> requests = hints.parties(id, hint);
        List<Parts.Party> named = parties.protect(requests, 0);
        String remark = "patrol report " + reportId + (named.isEmpty() ? "" : "; " + named.size()
                + " party(ies) named by the grid member");
        Dispute dispute = fresh(id, gridCode, DisputeSource.PATROL_FINDING, reportId, finding.description(),
                finding.location(), hints.type(id, hint), hints.risk(id, hint), "grid-service", remark, patrolTime);
        dispute.patrolFindingIndex = finding.index();
        dispute.parties.addAll(named);
        DisputeActions.spanPartiesGrids(dispute, requests);
        insertOnce(dispute);
        return id;
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
                "petition-service", "one-window request " + request.number(), request.referredAt());
        insertOnce(dispute);
        return dispute.id;
    }

    /** The result of {@link #openWalkIn}: the dispute, and whether this call opened it (false: a keyed repeat). */
    record Opened(DisputeView dispute, boolean created) {
    }

    /**
     * A walk-in (or case referral) through the API; the grid comes from the location when it lies in a known grid.
     * With an Idempotency-Key the id is derived from the caller and the key, so a retry returns the first dispute
     * instead of opening a second; without one every call opens a new dispute.
     */
    Opened openWalkIn(Caller caller, DisputeRequests.OpenDispute request, String idempotencyKey) {
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
        String id = KEYED.of(caller.subject(), idempotencyKey);
        if (idempotencyKey != null) {
            Optional<Opened> earlier = earlier(id);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<Parts.Party> added = parties.protect(request.parties() == null ? List.of() : request.parties(), 0);
        Dispute dispute = fresh(id, gridCode, source, request.sourceReference(),
                request.description(), point, request.type(), request.riskLevel(), caller.subject(), null, null);
        dispute.openedBy = caller.subject();
        dispute.timeline.set(0, new Parts.TimelineEntry("open", null, DisputeState.APPLIED, caller.subject(),
                caller.name(), dispute.openedAt, source == DisputeSource.WALK_IN ? "来访申请调解" : "案件移送调解"));
        dispute.parties.addAll(added);
        DisputeActions.spanPartiesGrids(dispute, request.parties() == null ? List.of() : request.parties());
        if (!insertOnce(dispute)) {
            // two retries raced past the lookup: the loser answers with the winner's dispute
            return earlier(id).orElseThrow();
        }
        return new Opened(DisputeView.of(dispute, DisputeParties::masked, clock.instant()), true);
    }

    private Optional<Opened> earlier(String id) {
        return Optional.ofNullable(mongo.findById(id, Dispute.class))
                .map(d -> new Opened(DisputeView.of(d, DisputeParties::masked, clock.instant()), false));
    }

    private Dispute fresh(String id, String gridCode, DisputeSource source, String reference, String description,
            GeoPoint location, DisputeType type, RiskLevel risk, String actor, String remark,
            OffsetDateTime originatedAt) {
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
                reference, FreeText.scrub(description), Times.local(now), type.name(), risk.name(),
                originatedAt != null ? originatedAt : Times.local(now))));
        escalation.byRisk(dispute, now, "risk " + risk + " on opening");
        return dispute;
    }

    private boolean insertOnce(Dispute dispute) {
        if (writes.insertOnce(dispute)) {
            io.micrometer.core.instrument.Counter.builder("tanchang.mediation.disputes.opened")
                    .tag("source", dispute.source.name())
                    .description("Disputes opened, by source (patrol finding, window, hotline ...)")
                    .register(meters).increment();
            log.info("Opened dispute {} in grid {} from {} {}", dispute.id, dispute.gridCode, dispute.source,
                    dispute.sourceReference);
            return true;
        }
        log.debug("Dispute {} was already open", dispute.id);
        return false;
    }

    private Optional<GridArea> locate(GeoPoint point) {
        GridMap map = gridMap.getIfAvailable();
        return point == null || map == null ? Optional.empty() : map.locate(point.longitude(), point.latitude());
    }
}
