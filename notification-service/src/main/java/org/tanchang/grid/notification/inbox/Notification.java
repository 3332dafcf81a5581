package org.tanchang.grid.notification.inbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one person on one channel. The id is derived from the causing event, the recipient and the
 * channel, so a redelivered event collides on {@code _id} instead of notifying twice.
 */
@Document("notifications")
@CompoundIndex(name = "recipient_created", def = "{'recipientId': 1, 'createdAt': -1}")
class Notification {

    @Id
    String id;
    String recipientId;
    String recipientName;
    Channel channel;
    String title;
    String body;
    SubjectType subjectType;
    String subjectId;
    String gridCode;
    String sourceEventId;
    String sourceEventType;
    Instant createdAt;
    /** Null while unread. */
    Instant readAt;

    static String idOf(String eventId, String recipientId, Channel channel) {
        return eventId + "-" + recipientId + "-" + channel.name();
    }
}
