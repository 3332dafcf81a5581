package org.tanchang.grid.platform.consume;

import org.tanchang.grid.platform.events.EventEnvelope;

/** An event's data together with its envelope, whose id is what idempotent handlers record. */
public record ReceivedEvent<T>(EventEnvelope envelope, T data) {

    public String eventId() {
        return envelope.id();
    }
}
