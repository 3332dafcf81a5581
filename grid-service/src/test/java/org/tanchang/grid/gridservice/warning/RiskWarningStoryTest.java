package org.tanchang.grid.gridservice.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.incident.CaseOverdue;
import org.tanchang.grid.contracts.mediation.DisputeOpened;
import org.tanchang.grid.platform.events.EventJson;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestInfrastructure;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Public sentiment and early warnings (预警研判) end to end, through the API with the real broker: the rules fire on
 * the other services' events (a hazard's events read generically, without their record class), the township's
 * supervisor sees and handles the warnings, another township's does not.
 */
@ServiceIntegrationTest
class RiskWarningStoryTest {

    private static final String GRID = TestUsers.YANGJIA_GRID;
    private static final String VILLAGE = GRID.substring(0, 12);
    private static final String GROUP = "grid-service-warnings";

    @LocalServerPort
    int port;

    @Test
    void warningsAreRaisedOnceFromTheirEvidenceSeenInTheirTownshipAndHandledToTheEnd() {
        ApiClient supervisor = ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.LICHUAN));
        ApiClient elsewhere = ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.MUER));
        ApiClient officer = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
        ApiClient member = ApiClient.local(port).withToken(TestUsers.gridMember(GRID));
        // a type of its own, so disputes other tests open in 杨家村 do not count towards this story's warning
        String type = "LAND_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        // (a) three disputes of one type in one village within seven days: one warning with the three as evidence
        List<String> disputes = List.of("d-" + UUID.randomUUID(), "d-" + UUID.randomUUID(), "d-" + UUID.randomUUID());
        List<String> events = disputes.stream().map(d -> TestEvents.publish(DisputeOpened.TYPE,
                UUID.randomUUID().toString(), d, opened(d, type))).toList();
        JsonNode disputeWarning = awaitWarning(supervisor, "disputes-of-one-type-in-a-village", VILLAGE + "|" + type);
        assertThat(disputeWarning.get("areaCode").asString()).isEqualTo(VILLAGE);
        assertThat(disputeWarning.get("state").asString()).isEqualTo("RAISED");
        assertThat(disputeWarning.get("figures").get("count").asLong()).isEqualTo(3);
        assertThat(disputeWarning.get("evidence").findValuesAsString("eventId"))
                .containsExactlyInAnyOrderElementsOf(events);
        assertThat(disputeWarning.get("evidence").findValuesAsString("matterId"))
                .containsExactlyInAnyOrderElementsOf(disputes);
        String disputeWarningId = disputeWarning.get("id").asString();

        // a redelivery of the third and a fourth dispute in the window: no second warning, the fourth joins the first
        sendAndAwaitConsumed(DisputeOpened.TYPE, events.get(2), disputes.get(2), opened(disputes.get(2), type));
        String fourth = "d-" + UUID.randomUUID();
        sendAndAwaitConsumed(DisputeOpened.TYPE, UUID.randomUUID().toString(), fourth, opened(fourth, type));
        JsonNode afterwards = warningsOf(supervisor, "disputes-of-one-type-in-a-village", VILLAGE + "|" + type);
        assertThat(afterwards).hasSize(1);
        assertThat(afterwards.get(0).get("evidence").findValuesAsString("matterId")).hasSize(4).contains(fourth);

        // (b) a HIGH sentiment recorded through the API: a warning of its grid; bad input changes nothing
        long sentimentsBefore = member.get("/api/sentiments?size=1").json().get("total").asLong();
        assertThat(member.post("/api/sentiments", sentiment(GRID, "HIGH", "PATROL_FINDING")).status())
                .isEqualTo(400);
        assertThat(member.post("/api/sentiments", sentiment("6212231010010", "HIGH", "VISIT")).status())
                .isEqualTo(400);
        assertThat(member.post("/api/sentiments", sentiment(TestUsers.MALIAN_GRID, "HIGH", "VISIT")).status())
                .as("another grid").isEqualTo(403);
        assertThat(member.get("/api/sentiments?size=1").json().get("total").asLong()).isEqualTo(sentimentsBefore);
        var recorded = member.post("/api/sentiments", sentiment(GRID, "HIGH", "VISIT"));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        String sentimentId = recorded.json().get("id").asString();
        assertThat(recorded.json().get("summary").asString()).doesNotContain("13912345678");
        assertThat(recorded.json().get("townshipCode").asString()).isEqualTo(TestUsers.LICHUAN);
        JsonNode sentimentWarning = awaitWarning(supervisor, "high-risk-sentiment", GRID + "|" + sentimentId);
        assertThat(sentimentWarning.get("evidence").findValuesAsString("matterId")).containsExactly(sentimentId);
        assertThat(supervisor.get("/api/sentiments?risk=HIGH&areaCode=" + VILLAGE + "&size=100").json().get("items")
                .findValuesAsString("id")).contains(sentimentId);
        assertThat(elsewhere.get("/api/sentiments/" + sentimentId).status()).isEqualTo(404);

        // a SENTIMENT finding of a patrol report is recorded by itself, once
        var report = member.post("/api/patrol-reports", """
                {"gridCode":"%s","startedAt":"2026-01-04T09:00:00+08:00","endedAt":"2026-01-04T11:30:00+08:00",
                 "findings":[{"kind":"HAZARD","description":"护栏破损"},
                             {"kind":"SENTIMENT","description":"药农议论当归收购价被压"}]}""".formatted(GRID));
        assertThat(report.status()).as(report.text()).isEqualTo(201);
        String fromFinding = "sen-" + report.json().get("id").asString() + "-1";
        await().atMost(Duration.ofSeconds(20)).until(() -> member.get("/api/sentiments/" + fromFinding).status() == 200);
        JsonNode finding = member.get("/api/sentiments/" + fromFinding).json();
        assertThat(finding.get("source").asString()).isEqualTo("PATROL_FINDING");
        assertThat(finding.get("recordedBy").asString()).isNotBlank();

        // (c) a hazard re-opened twice, read from its events by name: a warning of the hazard's grid
        String hazard = "hz-" + UUID.randomUUID();
        String firstReopening = sendHazardReopened(hazard);
        assertThat(warningsOf(supervisor, "hazard-reopened-twice", GRID + "|" + hazard)).as("once is not twice")
                .isEmpty();
        String secondReopening = sendHazardReopened(hazard);
        JsonNode hazardWarning = awaitWarning(supervisor, "hazard-reopened-twice", GRID + "|" + hazard);
        assertThat(hazardWarning.get("evidence").findValuesAsString("eventId"))
                .containsExactly(firstReopening, secondReopening);

        // (d) overdue matters rising week on week in a township (none last week, three this week)
        for (int i = 0; i < 3; i++) {
            String incident = "inc-" + UUID.randomUUID();
            TestEvents.publish(CaseOverdue.TYPE, UUID.randomUUID().toString(), incident, new CaseOverdue(incident,
                    "TC-" + i, TestUsers.MALIAN_GRID, "ACCEPTED", OffsetDateTime.now(), "officer.muer",
                    TestUsers.MUER));
        }
        JsonNode rising = await().atMost(Duration.ofSeconds(20)).until(() -> elsewhere.get(
                "/api/risk-warnings?rule=overdue-rising-in-a-township&size=100").json().get("items"),
                items -> items.size() > 0);
        assertThat(rising.get(0).get("areaCode").asString()).isEqualTo(TestUsers.MUER);
        assertThat(rising.get(0).get("figures").get("thisWeek").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(supervisor.get("/api/risk-warnings/" + rising.get(0).get("id").asString()).status())
                .as("Muer's warning is not Lichuan's").isEqualTo(404);

        // another township's supervisor sees none of Lichuan's
        for (JsonNode w : List.of(disputeWarning, sentimentWarning, hazardWarning)) {
            assertThat(elsewhere.get("/api/risk-warnings/" + w.get("id").asString()).status()).isEqualTo(404);
        }
        assertThat(elsewhere.get("/api/risk-warnings?size=100").json().get("items").findValuesAsString("id"))
                .doesNotContain(disputeWarningId);
        assertThat(elsewhere.post("/api/risk-warnings/" + disputeWarningId + "/acknowledge", "{}").status())
                .isEqualTo(404);

        // the handling: illegal steps are 409, bad input 400, and neither changes anything
        String path = "/api/risk-warnings/" + disputeWarningId;
        assertThat(supervisor.post(path + "/close", "{}").status()).isEqualTo(409);
        var acknowledged = officer.post(path + "/acknowledge", "{\"remark\":\"已转镇综治中心研判\"}");
        assertThat(acknowledged.status()).as(acknowledged.text()).isEqualTo(200);
        assertThat(acknowledged.json().get("state").asString()).isEqualTo("ACKNOWLEDGED");
        long version = acknowledged.json().get("version").asLong();
        assertThat(supervisor.post(path + "/handle", "{\"handling\":\" \"}").status()).isEqualTo(400);
        assertThat(supervisor.post(path + "/handle", "{\"handling\":\"走访\",\"extra\":1}").status()).isEqualTo(400);
        assertThat(supervisor.get(path).json().get("version").asLong()).isEqualTo(version);
        var handled = supervisor.post(path + "/handle", "{\"handling\":\"入户走访12户，协调收购商按市价收购，联系人13912345678\"}");
        assertThat(handled.status()).as(handled.text()).isEqualTo(200);
        assertThat(handled.json().get("handling").asString()).contains("入户走访").doesNotContain("13912345678");
        assertThat(officer.post(path + "/close", "{}").status()).as("closing is the supervisor's").isEqualTo(403);
        var closed = supervisor.post(path + "/close", "{\"remark\":\"风险已化解\"}");
        assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("timeline").findValuesAsString("action"))
                .containsExactly("acknowledge", "handle", "close");
        assertThat(supervisor.post(path + "/acknowledge", "{}").status()).isEqualTo(409);

        // open first: the closed warning comes after the open ones of the township
        JsonNode listed = supervisor.get("/api/risk-warnings?areaCode=" + VILLAGE + "&size=100").json().get("items");
        List<String> states = listed.findValuesAsString("state");
        assertThat(states.indexOf("CLOSED")).isGreaterThan(states.lastIndexOf("RAISED"));
        assertThat(supervisor.get("/api/risk-warnings?state=CLOSED&size=100").json().get("items")
                .findValuesAsString("id")).contains(disputeWarningId);

        // the events: raised with the evidence, then each step
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TestEvents.readAll(
                Topics.RISK_WARNINGS, Duration.ofMillis(500)).stream().filter(r -> disputeWarningId.equals(r.key()))
                .map(TestEvents::eventName).toList()).containsExactly("RiskWarningRaised",
                        "RiskWarningStateChanged", "RiskWarningStateChanged", "RiskWarningStateChanged"));
        ConsumerRecord<String, String> raised = TestEvents.readAll(Topics.RISK_WARNINGS, Duration.ofMillis(300))
                .stream().filter(r -> disputeWarningId.equals(r.key())).findFirst().orElseThrow();
        assertThat(raised.value()).contains(events.get(0), disputes.get(0), VILLAGE);

        // statistics: the HIGH sentiment and the warnings on the grid's day
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode counts = ApiClient.local(port).withToken(TestUsers.admin())
                    .get("/api/area-statistics/" + GRID + "?period=MONTH").json().get("counts");
            assertThat(counts.path("sentimentRisk_HIGH").asDouble()).isGreaterThanOrEqualTo(1);
            assertThat(counts.path("riskWarningsRaised").asDouble()).isGreaterThanOrEqualTo(3);
        });
    }

    private static DisputeOpened opened(String disputeId, String type) {
        OffsetDateTime now = OffsetDateTime.now();
        return new DisputeOpened(disputeId, GRID, "PATROL_FINDING", null, "土地边界纠纷", now, type, "MEDIUM", now);
    }

    private static String sentiment(String grid, String risk, String source) {
        return """
                {"gridCode":"%s","topic":"HERB_TRADE","topicDetail":"当归收购价","peopleAffected":30,"mood":"ANGRY",
                 "risk":"%s","summary":"药农不满收购商联合压价，扬言集体上访，带头人电话13912345678","source":"%s"}"""
                .formatted(grid, risk, source);
    }

    /** HazardReopened as case-service publishes it; grid-service has no record class for it, and needs none. */
    private String sendHazardReopened(String hazardId) {
        String json = "{\"hazardId\":\"" + hazardId + "\",\"gridCode\":\"" + GRID + "\",\"kind\":\"FENCE\","
                + "\"riskLevel\":\"HIGH\",\"reopenedAt\":\"" + OffsetDateTime.now() + "\"}";
        return sendAndAwaitConsumed("case.hazards.v1", UUID.randomUUID().toString(),
                "org.tanchang.grid.case.HazardReopened.v1", hazardId, "urn:tanchang-grid:schema:HazardReopened:v1",
                json);
    }

    private static <T> String sendAndAwaitConsumed(EventType<T> type, String id, String subject, T data) {
        return sendAndAwaitConsumed(type.topic(), id, type.cloudEventType(), subject, type.dataSchema(),
                new EventJson().write(data));
    }

    /**
     * Sends a CloudEvent and waits until the warning consumer's group has committed past it: the event was handled,
     * so what did not happen will not happen later either.
     */
    private static String sendAndAwaitConsumed(String topic, String id, String type, String subject, String schema,
            String json) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, json);
            Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/tests", "ce_type", type, "ce_subject",
                    subject, "ce_time", Instant.now().toString(), "ce_dataschema", schema, "content-type",
                    "application/json").forEach((k, v) -> record.headers().add(k, v.getBytes()));
            sent = producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send test event", e);
        }
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                        .get().get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
        return id;
    }

    private static JsonNode awaitWarning(ApiClient supervisor, String rule, String groupKey) {
        JsonNode found = await().atMost(Duration.ofSeconds(30)).until(() -> warningsOf(supervisor, rule, groupKey),
                items -> items.size() > 0);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static JsonNode warningsOf(ApiClient supervisor, String rule, String groupKey) {
        JsonNode items = supervisor.get("/api/risk-warnings?rule=" + rule + "&size=100").json().get("items");
        tools.jackson.databind.node.ArrayNode matching = tools.jackson.databind.json.JsonMapper.builder().build()
                .createArrayNode();
        items.forEach(w -> {
            if (groupKey.equals(w.get("groupKey").asString())) {
                matching.add(w);
            }
        });
        return matching;
    }
}
