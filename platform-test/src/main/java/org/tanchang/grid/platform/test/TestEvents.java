package org.tanchang.grid.platform.test;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.tanchang.grid.contracts.EventType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain Kafka clients for tests: send a CloudEvents record as another service would, or read what a service
 * published. Deliberately independent of the platform code under test. Every event of the suite that a test reads is
 * validated against the committed AsyncAPI document ({@link EventSchemas}): the read fails on the first mismatch.
 */
public final class TestEvents {

    private TestEvents() {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Publishes {@code data} as the producing service would: its type's topic, name and schema, subject as key. */
    public static <T> String publish(EventType<T> type, String eventId, String subject, T data) {
        return send(type.topic(), eventId, type.cloudEventType(), subject, type.dataSchema(),
                JSON.writeValueAsString(data));
    }

    /**
     * Publishes and waits until this service's listener has handled one more record of the topic (the platform
     * counts them), so a test can then assert that nothing more happened.
     */
    public static <T> void publishAndAwaitHandled(MeterRegistry meters,
            EventType<T> type, String eventId, String subject, T data) {
        double before = handled(meters, type.topic());
        publish(type, eventId, subject, data);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> handled(meters, type.topic()) >= before + 1);
    }

    private static double handled(MeterRegistry meters, String topic) {
        var counter = meters.find("tanchang.events.consumed").tag("topic", topic).tag("outcome", "success").counter();
        return counter == null ? 0 : counter.count();
    }

    public static String send(String topic, String type, String subject, String dataSchema, String json) {
        return send(topic, UUID.randomUUID().toString(), type, subject, dataSchema, json);
    }

    public static String send(String topic, String id, String type, String subject, String dataSchema, String json) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, json);
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", id);
            header(record, "ce_source", "/tests");
            header(record, "ce_type", type);
            header(record, "ce_subject", subject);
            header(record, "ce_time", Instant.now().toString());
            header(record, "ce_dataschema", dataSchema);
            header(record, "content-type", "application/json");
            header(record, "ce_traceparent", "00-" + UUID.randomUUID().toString().replace("-", "")
                    + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "-01");
            producer.send(record).get();
            return id;
        } catch (Exception e) {
            throw new IllegalStateException("could not send test event", e);
        }
    }

    /** Everything on {@code topic} from the beginning, read until {@code quiet} passes with nothing new. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Duration quiet) {
        return readAll(TestInfrastructure.kafkaBootstrapServers(), topic, quiet);
    }

    /**
     * Everything on {@code topic} of the broker at {@code bootstrapServers}, read until {@code quiet} passes with
     * nothing new; every event the suite produced is validated against the AsyncAPI document.
     */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, Duration quiet) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && emptyPolls * 200L < quiet.toMillis()) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                } else {
                    emptyPolls = 0;
                }
                batch.forEach(records::add);
            }
        }
        EventSchemas schemas = EventSchemas.committed();
        records.stream().filter(schemas::isSuiteEvent).forEach(schemas::validate);
        return records;
    }

    /**
     * The short event name of a record ({@code DisputeOpened}), whichever {@code ce_type} form it carries, for tests
     * that pick events by name.
     */
    public static String eventName(ConsumerRecord<String, String> record) {
        return EventType.nameOf(header(record, "ce_type"));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
