package org.tanchang.grid.platform.consume;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.tanchang.grid.contracts.Topics;

/**
 * Sends a record the consumer gave up on to {@code <topic>.dlt}, keeping its key, value and CloudEvents headers and
 * adding the exception in {@code kafka_dlt-*} headers, so it can be inspected and replayed onto its topic.
 */
final class DeadLetterRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private DeadLetterRecoverer() {
    }

    static DeadLetterPublishingRecoverer create(KafkaTemplate<?, ?> template, MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, exception) -> {
            log.error("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    exception.getMessage());
            io.micrometer.core.instrument.Counter.builder("tanchang.events.dead.lettered").tag("topic", record.topic())
                    .description("Events given up on after their retries and sent to the topic's .dlt")
                    .register(meters).increment();
            return new TopicPartition(Topics.deadLetterOf(record.topic()), -1);
        });
        return recoverer;
    }
}
