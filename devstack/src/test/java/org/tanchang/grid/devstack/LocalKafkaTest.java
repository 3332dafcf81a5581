package org.tanchang.grid.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalKafkaTest {

    private static final String TOPIC = "devstack.check"; // not created beforehand: auto-creation is part of the check
    private static final Duration START_LIMIT = Duration.ofSeconds(45);
    private static final Duration CLIENT_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void recordIsConsumedAndSurvivesBrokerRestart() throws Exception {
        int port = ChildJvm.freePort();
        Map<String, String> env = Map.of(
                "DATA_DIR", dataDir.toString(),
                "KAFKA_PORT", String.valueOf(port),
                "KAFKA_CONTROLLER_PORT", String.valueOf(ChildJvm.freePort()));
        String bootstrap = "localhost:" + port;
        String ready = "Kafka broker ready on " + bootstrap;

        try (ChildJvm kafka = ChildJvm.start(LocalKafka.class, env, "-Xmx512m")) {
            System.out.println("LocalKafka ready after " + kafka.awaitLine(ready, START_LIMIT).toMillis() + " ms");
            RecordMetadata sent = produce(bootstrap, "case-42", "filed");
            assertThat(sent.hasOffset()).isTrue();
            assertThat(consumeOne(bootstrap, "first-run")).isEqualTo("case-42=filed");
            assertThat(kafka.stop(CLIENT_LIMIT)).as("exit value after SIGTERM").isEqualTo(128 + 15);
        }

        try (ChildJvm kafka = ChildJvm.start(LocalKafka.class, env, "-Xmx512m")) {
            System.out.println("LocalKafka restarted, ready after " + kafka.awaitLine(ready, START_LIMIT).toMillis() + " ms");
            assertThat(kafka.output()).doesNotContain("Formatted a new Kafka log dir");
            // A new group starts from the earliest offset, so the record must come from the log on disk.
            assertThat(consumeOne(bootstrap, "second-run")).isEqualTo("case-42=filed");
            kafka.stop(CLIENT_LIMIT);
        }
    }

    private static RecordMetadata produce(String bootstrap, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) CLIENT_LIMIT.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) CLIENT_LIMIT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            return producer.send(new ProducerRecord<>(TOPIC, key, value)).get(CLIENT_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static String consumeOne(String bootstrap, String group) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            List<String> received = new ArrayList<>();
            long deadline = System.nanoTime() + CLIENT_LIMIT.toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.key() + "=" + record.value());
                }
            }
            assertThat(received).as("records consumed from " + TOPIC).hasSize(1);
            return received.get(0);
        }
    }
}
