package org.tanchang.grid.gridservice.patrol;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.Times;
import org.tanchang.grid.gridservice.grid.Grid;
import org.tanchang.grid.gridservice.grid.GridDirectory;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.web.ProblemException;

/** Accepts patrol reports: validates them against the map, stores them and their event in one write. */
@Service
class PatrolReports {

    record Submitted(PatrolReportView report, boolean created) {
    }

    private final MongoOperations mongo;
    private final GridDirectory grids;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    PatrolReports(MongoOperations mongo, GridDirectory grids, Outbox outbox, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.grids = grids;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * With an idempotency key the report id is derived from member and key, so a retried submission collides with
     * the first on the unique {@code _id} and returns it instead of filing the report twice.
     */
    Submitted submit(SubmitPatrolReport request, String idempotencyKey) {
        String id = idempotencyKey == null ? "pr-" + UUID.randomUUID() : "pr-" + digest(request.memberId(), idempotencyKey);
        if (idempotencyKey != null) {
            PatrolReport earlier = mongo.findById(id, PatrolReport.class);
            if (earlier != null) {
                return new Submitted(PatrolReportView.of(earlier), false);
            }
        }
        Grid grid = grids.find(request.gridCode()).orElseThrow(() -> ProblemException.unprocessable("unknown-grid",
                "Unknown grid", "Grid " + request.gridCode() + " does not exist"));
        PatrolReport report = newReport(id, request, grid);
        report.outbox.add(outbox.event(PatrolReportSubmitted.TYPE, report.id, event(report, grid)));
        try {
            mongo.insert(report);
        } catch (DuplicateKeyException raced) {
            return new Submitted(PatrolReportView.of(mongo.findById(id, PatrolReport.class)), false);
        }
        meters.counter("tanchang.patrol.reports.submitted", "township", grid.townshipCode()).increment();
        return new Submitted(PatrolReportView.of(report), true);
    }

    PatrolReportView get(String id) {
        PatrolReport report = mongo.findById(id, PatrolReport.class);
        if (report == null) {
            throw ProblemException.notFound("Patrol report", id);
        }
        return PatrolReportView.of(report);
    }

    Page<PatrolReportView> list(String gridCode, String memberId, int page, int size) {
        Query query = Filters.where().is("gridCode", gridCode).is("memberId", memberId).query();
        return Page.query(mongo, query, PatrolReport.class, Sort.by(Sort.Order.desc("submittedAt")), page, size,
                PatrolReportView::of);
    }

    private PatrolReport newReport(String id, SubmitPatrolReport request, Grid grid) {
        PatrolReport report = new PatrolReport();
        report.id = id;
        report.gridCode = grid.code();
        report.townshipCode = grid.townshipCode();
        report.memberId = request.memberId();
        report.memberName = request.memberName();
        report.startedAt = request.startedAt().toInstant();
        report.endedAt = request.endedAt().toInstant();
        report.submittedAt = clock.instant();
        int index = 0;
        for (SubmitPatrolReport.FindingInput f : request.findingsOrEmpty()) {
            GeoPoint location = f.location() == null ? null
                    : new GeoPoint(f.location().longitude(), f.location().latitude());
            report.findings.add(new PatrolReport.Finding(index++, f.kind(), f.description(), location));
        }
        return report;
    }

    private static PatrolReportSubmitted event(PatrolReport r, Grid grid) {
        ResponsibleOfficer officer = grid.responsibleOfficer() == null ? null
                : new ResponsibleOfficer(grid.responsibleOfficer().id(), grid.responsibleOfficer().name());
        List<PatrolFinding> findings = r.findings.stream()
                .map(f -> new PatrolFinding(f.index(), f.kind(), f.description(), f.location())).toList();
        return new PatrolReportSubmitted(r.id, grid.code(), grid.name(), grid.townshipCode(), r.memberId, r.memberName,
                Times.local(r.startedAt), Times.local(r.endedAt), officer, findings);
    }

    private static String digest(String memberId, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((memberId + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
