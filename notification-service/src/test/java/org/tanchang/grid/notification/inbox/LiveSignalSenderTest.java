package org.tanchang.grid.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/** The live-signal producer keeps the suite's settings but gives up on an unreachable broker quickly. */
class LiveSignalSenderTest {

    @Test
    void itsOwnProducerBlocksAtMostMaxBlockAndOtherwiseKeepsTheSuitesSettings() {
        var suite = new DefaultKafkaProducerFactory<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9092",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000L));

        LiveSignalSender sender = LiveSignalSender.withOwnProducer(suite, Duration.ofMillis(500));
        try {
            assertThat(sender.producerSettings())
                    .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500L)
                    .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9092")
                    .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
            assertThat(suite.getConfigurationProperties())
                    .as("the suite's producer is left as it was").containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000L);
        } finally {
            sender.destroy();
        }
    }
}
