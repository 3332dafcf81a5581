package org.tanchang.grid.notification.rules;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.tanchang.grid.notification.inbox.SubjectType;

/**
 * One rule of notification-rules.yml: an event type, conditions, a kind of message and its recipients. With
 * {@code webhookOwner} (a field naming an OAuth client) only that client's webhook subscriptions get it: a message
 * addressed to one outside agency, not to everyone subscribed to the kind.
 */
record Rule(String id, String event, List<Condition> when, String kind, SubjectType subjectType, String subjectId,
        String gridCode, List<String> recipients, String recipientName, Reminder remind, String webhookOwner) {

    Rule {
        when = when == null ? List.of() : List.copyOf(when);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** The field's value must be one of {@code in}. */
    record Condition(String field, List<String> in) {
    }

    /**
     * Not at the event, but {@code daysBefore} the date in {@code dateField}, at {@code at} county time. With
     * {@code catchUp}, a reminder whose day had already passed when the event happened (a visit created already
     * due) goes at once instead of never; one whose day passed only while the event waited is still skipped.
     */
    record Reminder(String dateField, int daysBefore, LocalTime at, boolean catchUp) {
    }

    boolean matches(Map<String, Object> data) {
        return when.stream().allMatch(c -> {
            Object value = Fields.get(data, c.field());
            return value != null && c.in().contains(String.valueOf(value));
        });
    }
}
