package org.tanchang.grid.notification.inbox;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.platform.time.Times;

/** A notification as the API shows it. */
@Schema(name = "Notification", description = "One message to one person on one channel", requiredProperties = {
        "id", "recipientId", "channel", "kind", "title", "body", "createdAt"})
record NotificationView(
        @Schema(description = "Opaque id", example = "7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f-officer-lichuan-01-INBOX")
        String id,
        @Schema(description = "Who it is for", example = "officer-lichuan-01") String recipientId,
        @Schema(description = "Name of the recipient", example = "王建军") String recipientName,
        @Schema(description = "How it reaches the recipient", example = "INBOX") Channel channel,
        @Schema(description = "Kind of message, as the notification rules name it", example = "PATROL_REPORT_SUBMITTED")
        String kind,
        @Schema(description = "Title", example = "网格巡查报告：杨家村第一网格") String title,
        @Schema(description = "Text", example = "网格员李德明提交了杨家村第一网格的巡查报告（2026-05-11 21:00 至 2026-05-12 00:30），"
                + "发现矛盾纠纷 2 项、警情 1 项。") String body,
        @Schema(description = "Kind of thing it is about", example = "PATROL_REPORT") SubjectType subjectType,
        @Schema(description = "Id of the thing it is about", example = "pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c")
        String subjectId,
        @Schema(description = "15-digit code of the grid concerned", example = "621223101001001") String gridCode,
        @Schema(description = "Id of the event that caused it", example = "7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f")
        String sourceEventId,
        @Schema(description = "Type of the event that caused it", example = "PatrolReportSubmitted")
        String sourceEventType,
        @Schema(description = "When it was recorded, county time", example = "2026-05-12T00:31:05+08:00")
        OffsetDateTime createdAt,
        @Schema(description = "When the recipient marked it read; null while unread", nullable = true,
                example = "2026-05-12T08:02:40+08:00") OffsetDateTime readAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.recipientId, n.recipientName, n.channel, n.kind, n.title, n.body, n.subjectType,
                n.subjectId, n.gridCode, n.sourceEventId, n.sourceEventType, Times.local(n.createdAt),
                Times.local(n.readAt));
    }
}
