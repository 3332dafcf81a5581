package org.tanchang.grid.gridservice.patrol;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingParty;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.gridservice.grid.Grid;
import org.tanchang.grid.gridservice.grid.GridDirectory;
import org.tanchang.grid.platform.ids.KeyedIds;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.Disclosure;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Accepts patrol reports: validates them against the map and the member's area, stores them and their event in one
 * write; and reads them back within the caller's areas only.
 */
@Service
class PatrolReports {

    /** Ids from an Idempotency-Key: SHA-256, as keyed patrol reports have always been stored. */
    private static final KeyedIds IDS = KeyedIds.sha256("pr-");

    record Submitted(PatrolReportView report, boolean created) {
    }

    private final MongoOperations mongo;
    private final GridDirectory grids;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PatrolTrack tracks;
    private final Disclosure disclosure;
    private final PlanProgress progress;

    PatrolReports(MongoOperations mongo, GridDirectory grids, Outbox outbox, Clock clock, MeterRegistry meters,
            PatrolTrack tracks, Disclosure disclosure, PlanProgress progress) {
        this.progress = progress;
        this.mongo = mongo;
        this.grids = grids;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        this.tracks = tracks;
        this.disclosure = disclosure;
    }

    /**
     * The member is the caller, and the grid must lie in their area (403 before anything is stored). With an
     * idempotency key the report id is derived from the caller and the key, so a retried submission collides with
     * the first on the unique {@code _id} and returns it instead of filing the report twice, while the same key
     * chosen by another person's app is another report.
     */
    Submitted submit(Caller caller, SubmitPatrolReport request, String idempotencyKey) {
        List<FieldError> misplaced = request.misplacedDisputes();
        if (!misplaced.isEmpty()) {
            throw ProblemException.invalid(misplaced);
        }
        Visibility.requireArea(caller, request.gridCode());
        String id = IDS.of(caller.subject(), idempotencyKey);
        if (idempotencyKey != null) {
            PatrolReport earlier = mongo.findById(id, PatrolReport.class);
            if (earlier != null) {
                return new Submitted(PatrolReportView.of(earlier), false);
            }
        }
        Grid grid = grids.find(request.gridCode()).orElseThrow(() -> ProblemException.unprocessable("unknown-grid",
                "Unknown grid", "Grid " + request.gridCode() + " does not exist"));
        PatrolReport report = newReport(id, caller, request, grid);
        List<GeoPoint> track = request.trackOrEmpty().stream()
                .map(p -> new GeoPoint(p.longitude(), p.latitude())).toList();
        PlanProgress.Result achieved = progress.evaluate(report.memberId, report.gridCode, report.startedAt,
                report.endedAt, track);
        report.checkpointsReached = achieved.checkpointsReached();
        report.routeCoverage = achieved.routeCoverage();
        report.outbox.add(outbox.event(PatrolReportSubmitted.TYPE, report.id,
                PatrolReportEvent.of(report, grid)));
        try {
            mongo.insert(report);
        } catch (DuplicateKeyException raced) {
            return new Submitted(PatrolReportView.of(mongo.findById(id, PatrolReport.class)), false);
        }
        // after the report is stored: a plan never counts a report that does not exist; repeating it is harmless
        progress.record(achieved, report.id);
        io.micrometer.core.instrument.Counter.builder("tanchang.patrol.reports.submitted")
                .tag("township", grid.townshipCode()).description("Patrol reports accepted, by township")
                .register(meters).increment();
        for (PatrolReport.Finding finding : report.findings) {
            io.micrometer.core.instrument.Counter.builder("tanchang.patrol.findings")
                    .tag("kind", String.valueOf(finding.kind()))
                    .description("Findings of accepted patrol reports, by kind").register(meters).increment();
        }
        return new Submitted(PatrolReportView.of(report), true);
    }

    /** A report in the caller's areas, else 404 as if it did not exist. */
    PatrolReport find(Caller caller, String id) {
        PatrolReport report = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                visibleTo(caller))), PatrolReport.class);
        if (report == null) {
            throw ProblemException.notFound("Patrol report", id);
        }
        return report;
    }

    /**
     * A report in the caller's areas (else 404, as if it did not exist); with its route in the clear only when asked
     * for and {@link Disclosure} allows it (403 for other roles, audited either way).
     */
    PatrolReportView get(Caller caller, String id, boolean unmask) {
        PatrolReport report = find(caller, id);
        PatrolReportView view = PatrolReportView.of(report);
        return disclosure.unmask(caller, unmask, "patrol-reports", report.id) ? view.withTrack(tracks.reveal(report.track))
                : view;
    }

    Page<PatrolReportView> list(Caller caller, String gridCode, String memberId, int page, int size) {
        // one $and rather than Filters: the grid filter and the area condition both name gridCode, and a query
        // holds each top-level key only once
        List<Criteria> conditions = new ArrayList<>(List.of(visibleTo(caller)));
        if (gridCode != null) {
            conditions.add(Criteria.where("gridCode").is(gridCode));
        }
        if (memberId != null) {
            conditions.add(Criteria.where("memberId").is(memberId));
        }
        Query query = Query.query(new Criteria().andOperator(conditions));
        return Page.query(mongo, query, PatrolReport.class, Sort.by(Sort.Order.desc("submittedAt")), page, size,
                PatrolReportView::of);
    }

    /** Staff see the reports of their areas; citizens own no reports here, so they see none. */
    private static Criteria visibleTo(Caller caller) {
        return Visibility.criteria(caller, "gridCode", null);
    }

    private PatrolReport newReport(String id, Caller caller, SubmitPatrolReport request, Grid grid) {
        PatrolReport report = new PatrolReport();
        report.id = id;
        report.gridCode = grid.code();
        report.townshipCode = grid.townshipCode();
        report.memberId = caller.subject();
        report.memberName = caller.name();
        report.startedAt = request.startedAt().toInstant();
        report.endedAt = request.endedAt().toInstant();
        report.submittedAt = clock.instant();
        int index = 0;
        for (SubmitPatrolReport.FindingInput f : request.findingsOrEmpty()) {
            GeoPoint location = f.location() == null ? null
                    : new GeoPoint(f.location().longitude(), f.location().latitude());
            report.findings.add(new PatrolReport.Finding(index++, f.kind(), f.description(), location,
                    f.photoUrlsOrEmpty(), f.peopleConcernedOrEmpty(), dispute(f.dispute())));
        }
        report.track = tracks.protect(request.trackOrEmpty());
        report.trackPoints = request.trackOrEmpty().size();
        return report;
    }

    private static FindingDispute dispute(SubmitPatrolReport.DisputeInput input) {
        if (input == null) {
            return null;
        }
        List<FindingParty> parties = input.partiesOrEmpty().stream()
                .map(p -> new FindingParty(p.kind(), p.role(), p.name().strip(), p.claims(), p.gridCode())).toList();
        return new FindingDispute(input.type(), input.riskLevel(), parties);
    }
}
