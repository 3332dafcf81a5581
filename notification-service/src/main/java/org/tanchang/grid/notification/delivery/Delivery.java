package org.tanchang.grid.notification.delivery;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.notification.inbox.SubjectType;

/**
 * One message to one recipient on one channel, and how far it got. The id is derived from the causing event (and
 * the rule, for reminders), the recipient and the channel: a redelivered event collides on {@code _id}, which is
 * what makes the effect exactly once per (event, recipient, channel).
 */
@Document("deliveries")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "recipient_sent", def = "{'recipientId': 1, 'channel': 1, 'sentAt': -1}")
class Delivery {

    @Id
    String id;
    String sourceEventId;
    String sourceEventType;
    String ruleId;
    String kind;
    String recipientId;
    String recipientName;
    Channel channel;
    /** Webhook subscription id, e-mail address or (protected) mobile context; null for the inbox. */
    String target;
    String language;
    String title;
    String body;
    SubjectType subjectType;
    String subjectId;
    String gridCode;
    DeliveryStatus status;
    int attempts;
    String lastError;
    Instant createdAt;
    /** Not before this time (reminders); the age of the queue is measured from here. */
    Instant dueAt;
    Instant nextAttemptAt;
    /** A worker holds the delivery until then; a crashed worker's claim simply runs out. */
    Instant claimedUntil;
    Instant sentAt;
    /** The recipient's quiet hours when planned (HH:mm, county time), or null. */
    String quietFrom;
    String quietTo;
    /** Why the last deferral happened (QUIET_HOURS, RATE_LIMIT), for operators. */
    String deferredFor;

    static String idOf(String eventKey, String recipientId, Channel channel) {
        return eventKey + "-" + recipientId + "-" + channel.name();
    }

    Outgoing outgoing() {
        return new Outgoing(id, sourceEventId, sourceEventType, kind, recipientId, recipientName, target, language,
                title, body, subjectType, subjectId, gridCode, createdAt, attempts + 1);
    }
}
