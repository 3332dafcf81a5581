package org.tanchang.grid.mediation.followup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.tanchang.grid.platform.time.Times;

/** A follow-up visit as the API shows it. */
@Schema(name = "FollowUpVisit", description = "A follow-up visit (回访) to the parties of a dispute")
record FollowUpVisitView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Opaque id", example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0-visit-1") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The dispute visited about", example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0")
        String disputeId,
        @Schema(description = "15-digit grid code", example = "621223101001001") String gridCode,
        @Schema(description = "The patrol report that found the dispute, if it came from one",
                example = "pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c", nullable = true) String patrolReportId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "County calendar day the visit is due", example = "2026-05-15") LocalDate dueOn,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Where the visit stands", example = "SCHEDULED") FollowUpVisitStatus status,
        @Schema(description = "Who makes the visit; null until someone is responsible", nullable = true)
        Assignee assignee,
        @Schema(description = "When the visit was scheduled, county time", example = "2026-05-12T00:31:05+08:00")
        OffsetDateTime createdAt,
        @Schema(description = "Why it was scheduled: PATROL_FINDING, AFTER_AGREEMENT, REVISIT or REQUESTED (by a "
                + "mediator, e.g. for a party not yet asked)", example = "PATROL_FINDING")
        String reason,
        @Schema(description = "The party to visit, when a mediator scheduled the visit for one", example = "药农3",
                nullable = true) String partyToVisit,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Whether FollowUpVisitOverdue was raised: not made by its due day", example = "false")
        boolean overdue,
        @Schema(description = "The outcome once made; null while scheduled", nullable = true) Outcome outcome,
        @Schema(description = "Version for optimistic concurrency", example = "0") Long version) {

    /** What the visit found. */
    @Schema(name = "FollowUpVisitOutcome")
    record Outcome(@Schema(example = "2026-01-12") LocalDate visitedOn,
            @Schema(example = "杨某某") String partyName,
            @Schema(example = "true") Boolean satisfied,
            @Schema(example = "false") Boolean hazardRemains,
            @Schema(example = "赔偿已全部到位，药农表示满意") String notes,
            @Schema(description = "Who made the visit", example = "officer-lichuan-01") String visitorId,
            @Schema(example = "王建军") String visitorName,
            @Schema(example = "2026-01-12T16:20:00+08:00") OffsetDateTime recordedAt) {
    }

    static FollowUpVisitView of(FollowUpVisit v) {
        return new FollowUpVisitView(v.id, v.disputeId, v.gridCode, v.patrolReportId, v.dueOn, v.status, v.assignee,
                Times.local(v.createdAt), v.reason, v.partyToVisit, v.overdueRaisedAt != null,
                v.completedAt == null ? null : new Outcome(v.visitedOn, v.partyName, v.satisfied, v.hazardRemains,
                        v.notes, v.visitorId, v.visitorName, Times.local(v.completedAt)),
                v.version);
    }
}
