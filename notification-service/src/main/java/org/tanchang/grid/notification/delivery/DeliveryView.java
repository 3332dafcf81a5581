package org.tanchang.grid.notification.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.tanchang.grid.platform.time.Times;

/** A delivery as operators see it: the message, where it went and how far it got. */
@Schema(name = "Delivery", description = "One message to one recipient on one channel, with its status",
        requiredProperties = {"id", "recipientId", "channel", "status", "attempts", "createdAt", "dueAt"})
record DeliveryView(
        @Schema(example = "7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f-webhook:wh-1-WEBHOOK") String id,
        @Schema(description = "Kind of message", example = "CASE_ACCEPTED") String kind,
        @Schema(example = "citizen-yang") String recipientId,
        @Schema(example = "WEBHOOK") Channel channel,
        @Schema(example = "DEAD") DeliveryStatus status,
        @Schema(description = "Attempts made", example = "5") int attempts,
        @Schema(description = "Error of the last failed attempt", nullable = true,
                example = "IOException: HTTP 503 from the receiver") String lastError,
        @Schema(description = "Why it was last deferred", nullable = true, example = "QUIET_HOURS") String deferredFor,
        @Schema(example = "网格案件已受理") String title,
        @Schema(example = "IncidentStateChanged") String sourceEventType,
        @Schema(example = "7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f") String sourceEventId,
        @Schema(example = "2026-05-12T08:00:00+08:00") OffsetDateTime createdAt,
        @Schema(description = "Not before", example = "2026-05-12T08:00:00+08:00") OffsetDateTime dueAt,
        @Schema(description = "Next attempt", nullable = true, example = "2026-05-12T08:05:00+08:00")
        OffsetDateTime nextAttemptAt,
        @Schema(nullable = true, example = "2026-05-12T08:00:01+08:00") OffsetDateTime sentAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id, d.kind, d.recipientId, d.channel, d.status, d.attempts, d.lastError,
                d.deferredFor, d.title, d.sourceEventType, d.sourceEventId, Times.local(d.createdAt),
                Times.local(d.dueAt), Times.local(d.nextAttemptAt), Times.local(d.sentAt));
    }
}
