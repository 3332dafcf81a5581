package org.tanchang.grid.platform.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.kafka.core.KafkaTemplate;
import org.tanchang.grid.platform.events.CloudEventsKafkaBinding;
import org.tanchang.grid.platform.events.EventTraces;

/**
 * Publishes with the idempotent producer ({@code acks=all}) and waits for the ack, bounded by a timeout. Each send
 * runs in a span continuing the trace stored with the event, so the template's producer span (and every listener
 * after it) belongs to the request that wrote the event, however much later the relay gets to it.
 */
class KafkaOutboxPublisher implements OutboxPublisher {

    private final KafkaTemplate<String, String> template;
    private final Duration timeout;
    private final EventTraces traces;

    KafkaOutboxPublisher(KafkaTemplate<String, String> template, Duration timeout, EventTraces traces) {
        this.template = template;
        this.timeout = timeout;
        this.traces = traces;
    }

    @Override
    public void publish(OutboxEvent event) throws Exception {
        traces.inSpanContinuing(event.traceparent(), "outbox relay", Map.of("event.type", event.type(),
                "event.id", event.eventId(), "messaging.destination.name", event.topic()),
                () -> template.send(CloudEventsKafkaBinding.toRecord(event.topic(), event.toEnvelope()))
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}
