package org.tanchang.grid.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.TestInfrastructure;

/** The lag measured from the broker's books, against the real test broker: a consumer that stopped still shows. */
class ConsumerLagTest {

    private final String bootstrap = TestInfrastructure.kafkaBootstrapServers();
    private final String topic = "lagtest-" + UUID.randomUUID().toString().substring(0, 8) + ".events.v1";

    private void produce(int count) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v" + i)).get();
            }
        }
    }

    /** A member of {@code group} reads {@code count} records of partition 0, commits, and leaves the group. */
    private void consumeAndStop(String group, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, count,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            int read = 0;
            long lastOffset = -1;
            for (int polls = 0; read < count && polls < 100; polls++) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                for (var record : records) {
                    if (read < count && record.partition() == 0) {
                        read++;
                        lastOffset = record.offset();
                    }
                }
            }
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(lastOffset + 1)));
        }
    }

    @Test
    void theLagOfAGroupWhoseConsumerStoppedKeepsGrowingAndPerInstanceGroupsAreLeftOut() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        produce(5);
        consumeAndStop("lag-reader", 2);
        consumeAndStop("lag-reader-locate-" + UUID.randomUUID(), 1);

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ConsumerLag lag = new ConsumerLag(meters,
                () -> Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)), List.of(topic),
                Duration.ofSeconds(15));
        try {
            Map<String, Map<String, Long>> measured = lag.measure();
            assertThat(measured).containsEntry("lag-reader", Map.of(topic, 3L));
            assertThat(measured.keySet()).as("per-instance groups").noneMatch(g -> g.startsWith("lag-reader-locate-"));

            produce(4);   // nobody reads any more
            assertThat(lag.measure()).containsEntry("lag-reader", Map.of(topic, 7L));
            var gauge = meters.get("tanchang.events.consumer.lag").tag("group", "lag-reader").tag("topic", topic).gauge();
            assertThat(gauge.value()).isEqualTo(7.0);
            assertThat(gauge.getId().getDescription()).isNotBlank();
            assertThat(meters.get("tanchang.events.consumer.committed").tag("group", "lag-reader").tag("topic", topic)
                    .gauge().value()).as("committed offsets do not move while nobody reads").isEqualTo(2.0);
        } finally {
            lag.stop();
        }
    }

    @Test
    void kafkasDeprecatedUnderscoredCopyOfAPerTopicMetricIsNotRegistered() {
        var filter = KafkaClientMetrics.deprecatedTopicCopies();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        meters.config().meterFilter(filter);
        for (String topic : List.of("grid.patrol-reports.v1", "grid_patrol-reports_v1")) {
            meters.gauge("kafka.consumer.fetch.manager.records.lag", io.micrometer.core.instrument.Tags.of(
                    "client.id", "consumer-case-service-3", "topic", topic, "partition", "0"), 4.0);
        }
        assertThat(meters.find("kafka.consumer.fetch.manager.records.lag").gauges())
                .extracting(g -> g.getId().getTag("topic")).containsExactly("grid.patrol-reports.v1");
        assertThat(KafkaClientMetrics.isDeprecatedTopicCopy(null)).isFalse();
        assertThat(KafkaClientMetrics.isDeprecatedTopicCopy("case.incidents.v1")).isFalse();
    }

    @Test
    void aServiceWatchesTheTopicsNamedAfterIt() {
        assertThat(MetricsConfiguration.ownTopics("grid-service")).contains("grid.patrol-reports.v1", "grid.grids.v1")
                .noneMatch(t -> t.startsWith("case."));
        assertThat(MetricsConfiguration.ownTopics("case-service")).containsExactlyInAnyOrder("case.incidents.v1",
                "case.lost-items.v1", "case.hazards.v1", "case.referrals.v1");
        assertThat(MetricsConfiguration.ownTopics("notification-service")).isEmpty();
    }
}
