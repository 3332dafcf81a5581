package org.tanchang.grid.notification.delivery;

import java.time.Instant;
import java.time.LocalTime;
import org.tanchang.grid.notification.inbox.SubjectType;

/**
 * A message the rules decided on, rendered for its recipient, to be delivered on one channel.
 *
 * @param eventKey   the event id, with the rule id appended for rules that fire more than once per event (reminders)
 * @param dueAt      not before this time
 * @param quietFrom  start of the recipient's quiet hours (county time), or null
 * @param quietTo    end of the recipient's quiet hours, or null
 */
public record NewDelivery(String eventKey, String sourceEventId, String sourceEventType, String ruleId, String kind,
        String recipientId, String recipientName, Channel channel, String target, String language, String title,
        String body, SubjectType subjectType, String subjectId, String gridCode, Instant dueAt, LocalTime quietFrom,
        LocalTime quietTo) {

    public String id() {
        return Delivery.idOf(eventKey, recipientId, channel);
    }
}
