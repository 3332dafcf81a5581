package org.tanchang.grid.platform.outbox;

import java.time.Instant;
import org.tanchang.grid.platform.events.EventEnvelope;

/**
 * An event waiting inside its aggregate's document (field {@value Outbox#FIELD}) until the relay has published it.
 * Writing it in the same document as the state change is what makes "state changed but event lost" impossible
 * without multi-document transactions.
 */
public record OutboxEvent(
        String eventId, String topic, String source, String type, String subject, Instant time, String dataSchema,
        String traceparent, String payload) {

    public EventEnvelope toEnvelope() {
        return new EventEnvelope(eventId, source, type, subject, time, dataSchema, traceparent, payload);
    }
}
