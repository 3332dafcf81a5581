package org.tanchang.grid.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.extensions.DistributedTracingExtension;
import io.cloudevents.core.provider.ExtensionProvider;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.mediation.DisputeOpened;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.test.EventSchemas;
import org.tanchang.grid.platform.test.TestTracing;

/**
 * What the outbox publishes is what the AsyncAPI document promises, and what an integrator's CloudEvents SDK reads:
 * reverse-DNS type, the trace context as the distributed-tracing extension (a new trace outside a request), data
 * valid against the schema generated from the record.
 */
class EventConformanceTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String W3C = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]";
    private final TestTracing tracing = new TestTracing();
    private final EventTraces traces = new EventTraces(tracing.tracer(), tracing.w3c());
    private final Outbox outbox = new Outbox("mediation-service", new EventJson(),
            Clock.fixed(Instant.parse("2026-01-04T03:30:00Z"), ZoneOffset.UTC), traces);
    private final DisputeOpened opened = new DisputeOpened("d-1", "621223101001001", "PATROL", "r-1",
            "牛群踩踏覆膜药苗", OffsetDateTime.of(2026, 1, 4, 11, 30, 0, 0, ZoneOffset.ofHours(8)), "LIVESTOCK_DAMAGE",
            "MEDIUM", OffsetDateTime.of(2026, 1, 4, 11, 0, 0, 0, ZoneOffset.ofHours(8)));

    /** What {@code write} returns when called while the span of a request with {@link #TRACEPARENT} is current. */
    private <T> T inRequest(Supplier<T> write) {
        Tracer tracer = tracing.tracer();
        Span request = tracing.w3c().extract(java.util.Map.of("traceparent", TRACEPARENT), java.util.Map::get)
                .name("http post /api/disputes").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            return write.get();
        } finally {
            request.end();
        }
    }

    private String requestSpanTraceparent() {
        var request = tracing.finished().stream().filter(s -> s.getName().startsWith("http")).findFirst().orElseThrow();
        return "00-" + request.getTraceId() + "-" + request.getSpanId() + "-01";
    }

    private ConsumerRecord<String, String> published(OutboxEvent event) {
        ProducerRecord<String, String> sent = CloudEventsKafkaBinding.toRecord(event.topic(), event.toEnvelope());
        ConsumerRecord<String, String> record = new ConsumerRecord<>(sent.topic(), 0, 7L, sent.key(), sent.value());
        sent.headers().forEach(h -> record.headers().add(h));
        return record;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventsKafkaBinding.get(record.headers(), name);
    }

    @Test
    void anEventInARequestCarriesTheReverseDnsTypeAndTheRequestsTraceAsTheTracingExtension() {
        ConsumerRecord<String, String> record = published(inRequest(() -> outbox.event(DisputeOpened.TYPE, "d-1", opened)));

        assertThat(header(record, "ce_type")).isEqualTo("org.tanchang.grid.mediation.DisputeOpened.v1");
        assertThat(header(record, "ce_traceparent")).as("the request's span, in the client's trace")
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").isEqualTo(requestSpanTraceparent());
        EventSchemas.committed().validate(record);
    }

    @Test
    void anEventOutsideARequestStartsATraceOfItsOwn() {
        ConsumerRecord<String, String> first = published(outbox.event(DisputeOpened.TYPE, "d-1", opened));
        ConsumerRecord<String, String> second = published(outbox.event(DisputeOpened.TYPE, "d-1", opened));

        assertThat(header(first, "ce_traceparent")).matches(W3C);
        assertThat(header(first, "ce_traceparent").substring(3, 35))
                .isNotEqualTo(header(second, "ce_traceparent").substring(3, 35));
        EventSchemas.committed().validate(first);
    }

    @Test
    void theOfficialCloudEventsSdkReadsTheRecordWithItsTraceContext() {
        ConsumerRecord<String, String> record = published(inRequest(() -> outbox.event(DisputeOpened.TYPE, "d-1", opened)));
        ConsumerRecord<String, byte[]> bytes = new ConsumerRecord<>(record.topic(), 0, 7L, record.key(),
                record.value().getBytes(StandardCharsets.UTF_8));
        record.headers().forEach(h -> bytes.headers().add(h));

        CloudEvent event = KafkaMessageFactory.createReader(bytes).toEvent();

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo(DisputeOpened.TYPE.cloudEventType());
        assertThat(event.getSource().toString()).isEqualTo("/tanchang-grid/mediation-service");
        assertThat(event.getSubject()).isEqualTo("d-1");
        assertThat(event.getDataSchema().toString()).isEqualTo("urn:tanchang-grid:schema:DisputeOpened:v1");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        DistributedTracingExtension extension = ExtensionProvider.getInstance()
                .parseExtension(DistributedTracingExtension.class, event);
        assertThat(extension).isNotNull();
        assertThat(extension.getTraceparent()).isEqualTo(requestSpanTraceparent());
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"disputeId\":\"d-1\"");
    }

    @Test
    void consumersReadBothTheReverseDnsAndTheLegacyShortType() {
        EventJson json = new EventJson();
        for (String type : new String[] {"org.tanchang.grid.mediation.DisputeOpened.v1", "DisputeOpened"}) {
            EventEnvelope envelope = new EventEnvelope("e-" + type, "/tanchang-grid/mediation-service", type, "d-1",
                    Instant.now(), DisputeOpened.TYPE.dataSchema(), null, json.write(opened));
            assertThat(json.read(envelope, DisputeOpened.TYPE)).isEqualTo(opened);
        }
        EventEnvelope other = new EventEnvelope("e-x", "/x", "org.tanchang.grid.mediation.DisputeEscalated.v1", "d-1",
                Instant.now(), DisputeOpened.TYPE.dataSchema(), null, "{}");
        assertThatThrownBy(() -> json.read(other, DisputeOpened.TYPE)).isInstanceOf(MalformedEventException.class);
        assertThat(org.tanchang.grid.contracts.EventType.nameOf("org.tanchang.grid.mediation.DisputeOpened.v1"))
                .isEqualTo("DisputeOpened");
        assertThat(org.tanchang.grid.contracts.EventType.nameOf("DisputeOpened")).isEqualTo("DisputeOpened");
    }

    @Test
    void aDeploymentWithConsumersOlderThanTheReverseDnsFormCanPublishTheShortTypeForOneRelease() {
        Outbox legacy = new Outbox("mediation-service", new EventJson(), Clock.systemUTC(), true, traces);

        ConsumerRecord<String, String> record = published(legacy.event(DisputeOpened.TYPE, "d-1", opened));

        assertThat(header(record, "ce_type")).isEqualTo("DisputeOpened");
        assertThat(header(record, "ce_traceparent")).matches(W3C);
        assertThat(new EventJson().read(CloudEventsKafkaBinding.fromRecord(record), DisputeOpened.TYPE))
                .isEqualTo(opened);
    }

    @Test
    void aRecordWrittenBeforeTheExtensionStillGivesItsTraceFromThePlainHeader() {
        ConsumerRecord<String, String> old = published(outbox.event(DisputeOpened.TYPE, "d-1", opened));
        old.headers().remove("ce_traceparent");
        old.headers().remove("traceparent");
        old.headers().add("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));

        assertThat(CloudEventsKafkaBinding.fromRecord(old).traceparent()).isEqualTo(TRACEPARENT);
    }

    @Test
    void theValidatorRefusesWhatTheDocumentDoesNotAllow() {
        EventSchemas schemas = EventSchemas.committed();
        ConsumerRecord<String, String> good = published(outbox.event(DisputeOpened.TYPE, "d-1", opened));

        ConsumerRecord<String, String> shortType = copy(good, good.value());
        shortType.headers().remove("ce_type");
        shortType.headers().add("ce_type", "DisputeOpened".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> schemas.validate(shortType)).hasMessageContaining("does not name");

        ConsumerRecord<String, String> noTrace = copy(good, good.value());
        noTrace.headers().remove("ce_traceparent");
        assertThatThrownBy(() -> schemas.validate(noTrace)).hasMessageContaining("ce_traceparent");

        assertThatThrownBy(() -> schemas.validate(copy(good, good.value().replace("\"gridCode\"", "\"grid\""))))
                .as("a renamed field").hasMessageContaining("grid");
        assertThatThrownBy(() -> schemas.validate(copy(good, good.value().replace("\"2026-01-04T11:30:00+08:00\"",
                "1767497400")))).as("a time as a number").hasMessageContaining("openedAt");
        assertThat(schemas.isSuiteEvent(good)).isTrue();
        assertThat(schemas.documents(Topics.DISPUTES)).isTrue();
        assertThat(schemas.documents("notification.notifications.v1")).as("the unused topic is gone").isFalse();
    }

    private static ConsumerRecord<String, String> copy(ConsumerRecord<String, String> record, String value) {
        ConsumerRecord<String, String> copy = new ConsumerRecord<>(record.topic(), 0, 7L, record.key(), value);
        record.headers().forEach(h -> copy.headers().add(h.key(), h.value()));
        return copy;
    }
}
