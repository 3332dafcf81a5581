package org.tanchang.grid.gridservice.patrol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.platform.web.Times;

/** A patrol report as the API shows it: the route only as a count unless it was asked for unmasked. */
record PatrolReportView(
        String id, String gridCode, String townshipCode,
        @Schema(description = "Username of the member who submitted the report") String memberId,
        String memberName,
        OffsetDateTime startedAt, OffsetDateTime endedAt, OffsetDateTime submittedAt,
        List<PatrolReport.Finding> findings,
        @Schema(description = "Number of points of the patrol route") int trackPoints,
        @Schema(description = "The route; null unless requested with unmask=true by a role allowed to see it",
                nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) List<PatrolTrack.Point> track) {

    static PatrolReportView of(PatrolReport r) {
        return new PatrolReportView(r.id, r.gridCode, r.townshipCode, r.memberId, r.memberName, Times.local(r.startedAt),
                Times.local(r.endedAt), Times.local(r.submittedAt), List.copyOf(r.findings), r.trackPoints, null);
    }

    PatrolReportView withTrack(List<PatrolTrack.Point> points) {
        return new PatrolReportView(id, gridCode, townshipCode, memberId, memberName, startedAt, endedAt, submittedAt,
                findings, trackPoints, points);
    }
}
