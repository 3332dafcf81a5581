package org.tanchang.grid.platform.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.tanchang.grid.platform.events.CloudEventsKafkaBinding;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes with the idempotent producer ({@code acks=all}) and waits for the ack, bounded by a timeout. */
class KafkaOutboxPublisher implements OutboxPublisher {

    private final KafkaTemplate<String, String> template;
    private final Duration timeout;

    KafkaOutboxPublisher(KafkaTemplate<String, String> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    @Override
    public void publish(OutboxEvent event) throws Exception {
        template.send(CloudEventsKafkaBinding.toRecord(event.topic(), event.toEnvelope()))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
