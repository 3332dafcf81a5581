package org.tanchang.grid.notification.delivery;

import java.time.Instant;
import org.tanchang.grid.notification.inbox.SubjectType;

/** What a channel sends: the rendered message and where it goes, without the delivery's bookkeeping. */
public record Outgoing(
        String deliveryId,
        String sourceEventId,
        String sourceEventType,
        String kind,
        String recipientId,
        String recipientName,
        String target,
        String language,
        String title,
        String body,
        SubjectType subjectType,
        String subjectId,
        String gridCode,
        Instant createdAt,
        int attempt) {
}
