package org.tanchang.grid.platform.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.kafka.core.KafkaTemplate;
import org.tanchang.grid.platform.events.CloudEventsKafkaBinding;
import org.tanchang.grid.platform.events.EventTraces;

/**
 * Publishes with the idempotent producer ({@code acks=all}). Each send runs in a span continuing the trace stored with
 * the event, so the template's producer span (and every listener after it) belongs to the request that wrote the
 * event, however much later the relay gets to it.
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
        send(event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Void> send(OutboxEvent event) {
        AtomicReference<CompletableFuture<Void>> sent = new AtomicReference<>();
        try {
            traces.inSpanContinuing(event.traceparent(), "outbox relay", Map.of("event.type", event.type(),
                    "event.id", event.eventId(), "messaging.destination.name", event.topic()),
                    () -> sent.set(template.send(CloudEventsKafkaBinding.toRecord(event.topic(), event.toEnvelope()))
                            .thenApply(result -> (Void) null)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // the producer refused at once (max.block.ms without a broker)
        }
        return sent.get();
    }
}
