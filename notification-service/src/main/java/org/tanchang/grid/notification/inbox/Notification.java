package org.tanchang.grid.notification.inbox;

import java.time.Instant;
import org.tanchang.grid.notification.delivery.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message in one person's inbox. Its id is the inbox delivery's, derived from the causing event, the recipient
 * and the channel, so a redelivered event collides on {@code _id} instead of notifying twice.
 */
@Document("notifications")
@CompoundIndex(name = "recipient_created", def = "{'recipientId': 1, 'createdAt': -1}")
class Notification {

    @Id
    String id;
    String recipientId;
    String recipientName;
    Channel channel;
    /** Kind of message, as the rules name it (e.g. CASE_ACCEPTED). */
    String kind;
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
}
