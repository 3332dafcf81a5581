package org.tanchang.grid.mediation.followup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.tanchang.grid.platform.web.Times;

/** A follow-up visit as the API shows it. */
@Schema(name = "FollowUpVisit", description = "A follow-up visit (回访) to the parties of a dispute")
record FollowUpVisitView(
        @Schema(description = "Opaque id", example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0-visit-1") String id,
        @Schema(description = "The dispute visited about", example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0")
        String disputeId,
        @Schema(description = "15-digit grid code", example = "621223101001001") String gridCode,
        @Schema(description = "The patrol report that found the dispute, if it came from one",
                example = "pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c", nullable = true) String patrolReportId,
        @Schema(description = "County calendar day the visit is due", example = "2026-05-15") LocalDate dueOn,
        @Schema(description = "Where the visit stands", example = "SCHEDULED") FollowUpVisitStatus status,
        @Schema(description = "Who makes the visit; null until someone is responsible", nullable = true)
        Assignee assignee,
        @Schema(description = "When the visit was scheduled, county time", example = "2026-05-12T00:31:05+08:00")
        OffsetDateTime createdAt,
        @Schema(description = "Version for optimistic concurrency", example = "0") Long version) {

    static FollowUpVisitView of(FollowUpVisit v) {
        return new FollowUpVisitView(v.id, v.disputeId, v.gridCode, v.patrolReportId, v.dueOn, v.status, v.assignee,
                Times.local(v.createdAt), v.version);
    }
}
