package org.tanchang.grid.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;

/** The platform as a service sees it, against the real Kafka broker and Mongo wire server. */
@ServiceIntegrationTest
class PlatformIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private ApiClient api() {
        return ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
    }

    private long parcelsOf(String owner) {
        Document doc = mongo.findById(owner, Document.class, "parcel_counts");
        return doc == null ? 0 : ((Number) doc.get("parcels")).longValue();
    }

    @Test
    void aWriteIsPublishedAsACloudEventWithTheRequestsTraceAndConsumedOnce() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var created = api().post("/api/parcels", "{\"owner\":\"杨家村\",\"weightGrams\":1200}",
                "X-Request-Id", "req-123", "traceparent", traceparent);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).isEqualTo("req-123");
        String id = created.json().get("id").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> parcelsOf("杨家村") == 1);
        // the relay removes the event once the broker acknowledged it, which may be just after a listener counted it
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(mongo.findById(id, Document.class,
                "parcels").getList("outbox", Object.class)).as("removed after the broker's ack").isEmpty());

        ConsumerRecord<String, String> record = TestEvents.readAll("test.parcels.v1", Duration.ofSeconds(1)).stream()
                .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(TestEvents.header(record, "ce_type")).isEqualTo("org.tanchang.grid.test.ParcelRegistered.v1");
        assertThat(TestEvents.header(record, "ce_source")).isEqualTo("/tanchang-grid/platform-test-app");
        assertThat(TestEvents.header(record, "ce_subject")).isEqualTo(id);
        assertThat(TestEvents.header(record, "ce_traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        assertThat(TestEvents.header(record, "traceparent")).as("the Kafka hop's context, in the same trace")
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        assertThat(record.value()).contains("\"owner\":\"杨家村\"");

        // the same event delivered again (a redelivery after a rebalance) has no second effect
        TestEvents.send("test.parcels.v1", TestEvents.header(record, "ce_id"), "ParcelRegistered", id,
                TestEvents.header(record, "ce_dataschema"), record.value());
        TestEvents.send("test.parcels.v1", "ParcelRegistered", "other", "urn:tanchang-grid:schema:ParcelRegistered:v1",
                "{\"parcelId\":\"other\",\"owner\":\"杨家村\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> parcelsOf("杨家村") == 2);
        assertThat(parcelsOf("杨家村")).isEqualTo(2);
    }

    /**
     * One trace from the caller through the request, the outbox (published later, on the relay's thread) and the
     * broker to the listener, as a trace backend receives it; and a record that carries only the CloudEvents
     * extension (as a CloudEvents SDK writes it) is continued by the listener too.
     */
    @Test
    void theRequestTheRelayTheProducerAndTheListenerAreOneTrace() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        var created = api().post("/api/parcels", "{\"owner\":\"拉沙村\",\"weightGrams\":300}",
                "traceparent", "00-" + traceId + "-b7ad6b7169203331-01");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20)).until(() -> TestEvents
                .readAll("test.parcels.v1", Duration.ofMillis(200)).stream().filter(r -> id.equals(r.key()))
                .findFirst().orElse(null), java.util.Objects::nonNull);

        await().atMost(Duration.ofSeconds(20)).until(() -> spansOf(traceId).stream()
                .anyMatch(s -> s.getKind() == SpanKind.CONSUMER));
        List<SpanData> trace = spansOf(traceId);
        SpanData server = only(trace, s -> s.getKind() == SpanKind.SERVER);
        SpanData relay = only(trace, s -> s.getName().equals("outbox relay"));
        SpanData producer = only(trace, s -> s.getKind() == SpanKind.PRODUCER);
        SpanData listener = only(trace, s -> s.getKind() == SpanKind.CONSUMER);
        assertThat(server.getParentSpanId()).as("the caller's span").isEqualTo("b7ad6b7169203331");
        assertThat(TestEvents.header(record, "ce_traceparent")).as("the span that wrote the event")
                .isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01");
        assertThat(relay.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(relay.getAttributes().asMap().toString()).contains("event.type=" + TestEvents.header(record, "ce_type"));
        assertThat(producer.getParentSpanId()).isEqualTo(relay.getSpanId());
        assertThat(TestEvents.header(record, "traceparent")).isEqualTo("00-" + traceId + "-" + producer.getSpanId() + "-01");
        assertThat(listener.getParentSpanId()).isEqualTo(producer.getSpanId());
        assertThat(spansOf(traceId)).as("a trace of its own: nothing of other work in it").hasSize(4);

        String foreign = TestEvents.send("test.parcels.v1", "ParcelRegistered", "p-sdk",
                "urn:tanchang-grid:schema:ParcelRegistered:v1", "{\"parcelId\":\"p-sdk\",\"owner\":\"上坪村\"}");
        String foreignTrace = TestEvents.readAll("test.parcels.v1", Duration.ofMillis(200)).stream()
                .filter(r -> foreign.equals(TestEvents.header(r, "ce_id"))).findFirst()
                .map(r -> TestEvents.header(r, "ce_traceparent").substring(3, 35)).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> spansOf(foreignTrace).stream()
                .anyMatch(s -> s.getKind() == SpanKind.CONSUMER));
    }

    private static List<SpanData> spansOf(String traceId) {
        return PlatformTestApplication.SENT_SPANS.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static SpanData only(List<SpanData> spans, java.util.function.Predicate<SpanData> which) {
        List<SpanData> found = spans.stream().filter(which).toList();
        assertThat(found).as("spans %s", spans.stream().map(SpanData::getName).toList()).hasSize(1);
        return found.get(0);
    }

    @Test
    void anEventThatKeepsFailingGoesToTheDeadLetterTopicWithTheError() {
        String id = TestEvents.send("test.parcels.v1", "ParcelRegistered", "p-poison",
                "urn:tanchang-grid:schema:ParcelRegistered:v1", "{\"parcelId\":\"p-poison\",\"owner\":\"poison\"}");
        String malformed = TestEvents.send("test.parcels.v1", "ParcelRegistered", "p-bad",
                "urn:tanchang-grid:schema:ParcelRegistered:v1", "not json");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var dead = TestEvents.readAll("test.parcels.v1.dlt", Duration.ofMillis(600));
            assertThat(dead).extracting(r -> TestEvents.header(r, "ce_id")).contains(id, malformed);
            ConsumerRecord<String, String> poison = dead.stream()
                    .filter(r -> id.equals(TestEvents.header(r, "ce_id"))).findFirst().orElseThrow();
            assertThat(TestEvents.header(poison, "kafka_dlt-exception-message")).contains("poison");
            assertThat(TestEvents.header(poison, "kafka_dlt-original-topic")).isEqualTo("test.parcels.v1");
        });
        assertThat(parcelsOf("poison")).isZero();
    }

    @Test
    void deadLettersCanBeReplayedOnceTheCauseIsFixed() {
        String id = TestEvents.send("test.parcels.v1", "ParcelRegistered", "p-flaky",
                "urn:tanchang-grid:schema:ParcelRegistered:v1", "{\"parcelId\":\"p-flaky\",\"owner\":\"flaky\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                TestEvents.readAll("test.parcels.v1.dlt", Duration.ofMillis(600)))
                .extracting(r -> TestEvents.header(r, "ce_id")).contains(id));

        ParcelCounter.FLAKY.set(false);
        var replay = api().post("/actuator/deadletters/test.parcels.v1", "");

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("replayed").asInt()).isPositive();
        await().atMost(Duration.ofSeconds(20)).until(() -> parcelsOf("flaky") == 1);
        assertThat(api().post("/actuator/deadletters/test.parcels.v1", "").json().get("replayed").asInt())
                .as("already replayed letters are not sent again").isZero();
    }

    @Test
    void validationErrorsNameEachFieldAndStoreNothing() {
        long before = mongo.getCollection("parcels").countDocuments();

        var response = api().post("/api/parcels", "{\"owner\":\" \",\"weightGrams\":-5}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:validation");
        assertThat(response.json().get("instance").asString()).isEqualTo("/api/parcels");
        assertThat(response.json().get("requestId").asString()).isNotBlank();
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("owner", "weightGrams");
        assertThat(mongo.getCollection("parcels").countDocuments()).isEqualTo(before);
    }

    @Test
    void unknownFieldsAndMalformedJsonAre400WithoutInternals() {
        var unknown = api().post("/api/parcels", "{\"owner\":\"a\",\"weightGrams\":5,\"admin\":true}");
        var malformed = api().post("/api/parcels", "{\"owner\":\"a\",");
        var wrongType = api().post("/api/parcels", "{\"owner\":\"a\",\"weightGrams\":\"heavy\"}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Unknown field 'admin'");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:malformed-request");
        assertThat(malformed.json().get("detail").asString()).startsWith("Malformed JSON");
        assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("weightGrams");
        for (var r : new ApiClient.Response[] {unknown, malformed, wrongType}) {
            assertThat(r.text()).doesNotContain("java.", "tools.jackson", "Exception");
        }
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRefusedNotConvertedAndNothingIsStored() {
        long before = mongo.getCollection("parcels").countDocuments();
        java.util.Map<String, String> bodies = java.util.Map.of(
                "weightGrams", "{\"owner\":\"a\",\"weightGrams\":12.5}",      // a fraction for an integer
                "owner", "{\"owner\":12345,\"weightGrams\":5}",                // a number for text
                "owner ", "{\"owner\":true,\"weightGrams\":5}",                // a boolean for text
                "weightGrams ", "{\"owner\":\"a\",\"weightGrams\":\"12\"}",     // text for a number
                "deliverBy", "{\"owner\":\"a\",\"weightGrams\":5,\"deliverBy\":20260104}");

        for (var body : bodies.entrySet()) {
            var response = api().post("/api/parcels", body.getValue());

            assertThat(response.status()).as(body.getValue()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:malformed-request");
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(body.getValue())
                    .isEqualTo(body.getKey().trim());
        }
        assertThat(mongo.getCollection("parcels").countDocuments()).isEqualTo(before);
    }

    @Test
    void mongoOperatorsInABodyOrAParameterAreRefusedOrTakenAsPlainValues() {
        long before = mongo.getCollection("parcels").countDocuments();

        var operatorValue = api().post("/api/parcels", "{\"owner\":{\"$gt\":\"\"},\"weightGrams\":5}");
        var operatorKey = api().post("/api/parcels", "{\"owner\":\"a\",\"weightGrams\":5,\"$where\":\"1\"}");
        var dottedKey = api().post("/api/parcels", "{\"owner\":\"a\",\"weightGrams\":5,\"outbox.0\":{}}");
        var operatorId = api().get("/api/parcels/%7B%22$ne%22:null%7D");

        for (var refused : new ApiClient.Response[] {operatorValue, operatorKey, dottedKey}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(operatorId.status()).as("an id is compared as a string, never parsed as a query").isEqualTo(404);
        assertThat(mongo.getCollection("parcels").countDocuments()).isEqualTo(before);
    }

    @Test
    void calendarDaysAreStoredAsZoneFreeText() {
        String id = api().post("/api/parcels", "{\"owner\":\"day\",\"weightGrams\":5,\"deliverBy\":\"2026-01-07\"}")
                .json().get("id").asString();

        assertThat(mongo.findById(id, Document.class, "parcels").get("deliverBy")).isEqualTo("2026-01-07");
        assertThat(mongo.findById(id, Parcel.class).deliverBy).isEqualTo(java.time.LocalDate.of(2026, 1, 7));
    }

    @Test
    void wrongTypedOrMissingParametersAreValidationProblemsThatDoNotEchoTheValue() {
        var wrong = api().get("/api/parcels?minWeight=heavy-ish");
        var missing = api().get("/api/parcels");

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:validation");
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("minWeight");
        assertThat(wrong.text()).doesNotContain("heavy-ish");
        assertThat(missing.json().get("errors").get(0).get("message").asString()).isEqualTo("is required");
    }

    @Test
    void frameworkErrorsAreProblemsToo() {
        var notFound = api().get("/api/nothing-here");
        var missing = api().get("/api/parcels/does-not-exist");
        var method = api().send("DELETE", "/api/parcels", null);
        var media = api().send("POST", "/api/parcels", "owner=a", "Content-Type", "text/plain");
        String parcel = api().post("/api/parcels", "{\"owner\":\"twice\",\"weightGrams\":5}").json().get("id").asString();
        var delivered = api().post("/api/parcels/" + parcel + "/deliver", "");
        var conflict = api().post("/api/parcels/" + parcel + "/deliver", "");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:not-found");
        assertThat(missing.json().get("detail").asString()).isEqualTo("Parcel does-not-exist does not exist");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:method-not-allowed");
        assertThat(media.status()).isEqualTo(415);
        assertThat(delivered.status()).isEqualTo(204);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("state").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void healthProbesAndPrometheusAnswer() {
        assertThat(api().get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        var readiness = api().get("/actuator/health/readiness");
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.text()).contains("mongoPing");
        var prometheus = api().get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.text()).contains("tanchang_outbox_pending");
        assertThat(api().get("/v3/api-docs").json().get("openapi").asString()).startsWith("3.");
        assertThat(Map.of()).isEmpty();
    }
}
