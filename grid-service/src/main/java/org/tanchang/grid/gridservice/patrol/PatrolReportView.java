package org.tanchang.grid.gridservice.patrol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingParty;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.time.Times;

/** A patrol report as the API shows it: the route only as a count unless it was asked for unmasked. */
record PatrolReportView(
        String id, String gridCode, String townshipCode,
        @Schema(description = "Username of the member who submitted the report") String memberId,
        String memberName,
        OffsetDateTime startedAt, OffsetDateTime endedAt, OffsetDateTime submittedAt,
        List<PatrolReport.Finding> findings,
        @Schema(description = "Number of points of the patrol route") int trackPoints,
        @Schema(description = "Ids of the planned must-visit points the route passed within their radius")
        List<String> checkpointsReached,
        @Schema(description = "Mean share (0..1) of the planned routes walked; null without an open plan",
                nullable = true) Double routeCoverage,
        @Schema(description = "The route; null unless requested with unmask=true by a role allowed to see it",
                nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) List<PatrolTrack.Point> track) {

    static PatrolReportView of(PatrolReport r) {
        return new PatrolReportView(r.id, r.gridCode, r.townshipCode, r.memberId, r.memberName, Times.local(r.startedAt),
                Times.local(r.endedAt), Times.local(r.submittedAt), r.findings.stream().map(PatrolReportView::masked).toList(), r.trackPoints,
                r.checkpointsReached == null ? List.of() : r.checkpointsReached, r.routeCoverage, null);
    }

    /**
     * The people concerned and the dispute's parties are shown by masked name: the report is read by many, the names
     * are personal data (mediation-service holds the parties for those who mediate).
     */
    private static PatrolReport.Finding masked(PatrolReport.Finding f) {
        List<String> people = f.peopleConcerned() == null ? List.of() : f.peopleConcerned().stream()
                .map(PatrolReportView::maskedName).toList();
        FindingDispute dispute = f.dispute() == null ? null : new FindingDispute(f.dispute().type(),
                f.dispute().riskLevel(), f.dispute().parties().stream().map(p -> new FindingParty(p.kind(), p.role(),
                        maskedName(p.name()), p.claims(), p.gridCode())).toList());
        return new PatrolReport.Finding(f.index(), f.kind(), f.description(), f.location(),
                f.photoUrls() == null ? List.of() : f.photoUrls(), people, dispute);
    }

    private static String maskedName(String name) {
        return Masker.NAME.mask(Masker.NAME.normalise(name));
    }

    PatrolReportView withTrack(List<PatrolTrack.Point> points) {
        return new PatrolReportView(id, gridCode, townshipCode, memberId, memberName, startedAt, endedAt, submittedAt,
                findings, trackPoints, checkpointsReached, routeCoverage, points);
    }
}
