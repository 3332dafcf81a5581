package org.tanchang.grid.gridservice.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingParty;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.platform.events.EventEnvelope;
import org.tanchang.grid.platform.events.EventJson;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** A DISPUTE finding names its type, risk and parties; grid-service validates, stores and publishes them. */
@ServiceIntegrationTest
class PatrolDisputeFindingTest {

    private static final String GRID = TestUsers.YANGJIA_GRID;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /** The cattle case with its dispute part (12 households apply, the herder responds) and one other finding. */
    static String report(String dispute, String otherKind, String otherDispute) {
        return """
                {"gridCode":"%s",
                 "startedAt":"2026-01-04T09:00:00+08:00","endedAt":"2026-01-04T11:30:00+08:00",
                 "findings":[
                   {"kind":"DISPUTE","description":"牧民马某的牛群踩踏了十二户药农的覆膜药苗","dispute":%s},
                   {"kind":"%s","description":"田间药材被盗"%s}]}
                """.formatted(GRID, dispute, otherKind, otherDispute == null ? "" : ",\"dispute\":" + otherDispute);
    }

    static String dispute(String type, String risk, List<String> parties) {
        return "{\"type\":\"" + type + "\",\"riskLevel\":\"" + risk + "\",\"parties\":[" + String.join(",", parties)
                + "]}";
    }

    static String party(String kind, String role, String name) {
        return "{\"kind\":\"" + kind + "\",\"role\":\"" + role + "\",\"name\":\"" + name
                + "\",\"claims\":\"赔偿覆膜药苗损失\"}";
    }

    static List<String> cattleParties() {
        List<String> parties = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            parties.add(party("PERSON", "APPLICANT", "杨药农" + i));
        }
        // the herder's household is in the next village's grid
        parties.add(party("PERSON", "RESPONDENT", "马某").replace("}", ",\"gridCode\":\"" + TestUsers.LASHA_GRID
                + "\"}"));
        return parties;
    }

    private List<ConsumerRecord<String, String>> eventsOf(String reportId) {
        return TestEvents.readAll(Topics.PATROL_REPORTS, Duration.ofMillis(800)).stream()
                .filter(r -> reportId.equals(r.key())).toList();
    }

    @Test
    void theDisputePartIsStoredShownMaskedAndPublishedWithTheNamesAsWritten() {
        ApiClient member = ApiClient.local(port).withToken(TestUsers.gridMember(GRID));

        var created = member.post("/api/patrol-reports",
                report(dispute("LIVESTOCK_DAMAGE", "MEDIUM", cattleParties()), "INCIDENT", null));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        JsonNode shown = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN))
                .get("/api/patrol-reports/" + id).json().get("findings");
        JsonNode dispute = shown.get(0).get("dispute");
        assertThat(dispute.get("type").asString()).isEqualTo("LIVESTOCK_DAMAGE");
        assertThat(dispute.get("riskLevel").asString()).isEqualTo("MEDIUM");
        assertThat(dispute.get("parties")).hasSize(13);
        assertThat(dispute.get("parties").get(12).get("role").asString()).isEqualTo("RESPONDENT");
        assertThat(dispute.get("parties").findValuesAsString("name")).doesNotContain("马某", "杨药农1");
        assertThat(shown.get(1).get("dispute").isNull()).isTrue();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(id)).hasSize(1));
        ConsumerRecord<String, String> record = eventsOf(id).get(0);
        PatrolReportSubmitted event = new EventJson().read(new EventEnvelope(TestEvents.header(record, "ce_id"),
                TestEvents.header(record, "ce_source"), "PatrolReportSubmitted", id, java.time.Instant.now(),
                TestEvents.header(record, "ce_dataschema"), null, record.value()),
                PatrolReportSubmitted.TYPE);
        FindingDispute published = event.findings().get(0).dispute();
        assertThat(published.type()).isEqualTo(FindingDispute.Type.LIVESTOCK_DAMAGE);
        assertThat(published.riskLevel()).isEqualTo(FindingDispute.RiskLevel.MEDIUM);
        assertThat(published.parties()).hasSize(13).first().isEqualTo(new FindingParty(FindingParty.Kind.PERSON,
                FindingParty.Role.APPLICANT, "杨药农1", "赔偿覆膜药苗损失"));
        assertThat(published.parties().get(12).name()).isEqualTo("马某");
        assertThat(published.parties().get(12).gridCode()).isEqualTo(TestUsers.LASHA_GRID);
        assertThat(published.parties().get(0).gridCode()).isNull();
        assertThat(dispute.get("parties").get(12).get("gridCode").asString()).isEqualTo(TestUsers.LASHA_GRID);
        assertThat(event.findings().get(1).dispute()).isNull();
    }

    @Test
    void badCodesNamesAndMisplacedDisputePartsAreRefusedAndNothingIsStoredOrPublished() {
        String subject = "m-" + UUID.randomUUID();
        ApiClient member = ApiClient.local(port).withToken(TestUsers.token(subject, "GRID_MEMBER", GRID));
        long before = mongo.getCollection("patrol_reports").countDocuments();
        String good = dispute("LIVESTOCK_DAMAGE", "HIGH", cattleParties());

        var badType = member.post("/api/patrol-reports", report(good.replace("LIVESTOCK_DAMAGE", "CATTLE"), "HAZARD", null));
        var badRisk = member.post("/api/patrol-reports", report(good.replace("HIGH", "EXTREME"), "HAZARD", null));
        var badRole = member.post("/api/patrol-reports", report(dispute("NEIGHBOUR", "LOW",
                List.of(party("PERSON", "JUDGE", "马某"))), "HAZARD", null));
        var badKind = member.post("/api/patrol-reports", report(dispute("NEIGHBOUR", "LOW",
                List.of(party("ROBOT", "APPLICANT", "马某"))), "HAZARD", null));
        var badNames = member.post("/api/patrol-reports", report(dispute("NEIGHBOUR", "LOW",
                List.of(party("PERSON", "APPLICANT", " "), party("PERSON", "RESPONDENT", "马".repeat(61)))),
                "HAZARD", null));
        var tooMany = member.post("/api/patrol-reports", report(dispute("NEIGHBOUR", "LOW",
                Collections.nCopies(201, party("PERSON", "APPLICANT", "杨某"))), "HAZARD", null));
        var misplaced = member.post("/api/patrol-reports", report(good, "INCIDENT", good));

        assertThat(fields(badType)).containsExactly("findings[0].dispute.type");
        assertThat(fields(badRisk)).containsExactly("findings[0].dispute.riskLevel");
        assertThat(fields(badRole)).containsExactly("findings[0].dispute.parties[0].role");
        assertThat(fields(badKind)).containsExactly("findings[0].dispute.parties[0].kind");
        assertThat(fields(badNames)).containsExactlyInAnyOrder("findings[0].dispute.parties[0].name",
                "findings[0].dispute.parties[1].name");
        assertThat(fields(tooMany)).containsExactly("findings[0].dispute.parties");
        assertThat(fields(misplaced)).containsExactly("findings[1].dispute");
        assertThat(misplaced.json().get("errors").get(0).get("message").asString()).contains("DISPUTE");
        for (var bean : List.of(badNames, tooMany, misplaced)) {
            assertThat(bean.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:validation");
        }
        assertThat(mongo.getCollection("patrol_reports").countDocuments()).isEqualTo(before);

        // the same member's valid report is the only one of theirs on the topic
        var valid = member.post("/api/patrol-reports", report(good, "HAZARD", null));
        assertThat(valid.status()).isEqualTo(201);
        String id = valid.json().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(id)).hasSize(1));
        assertThat(TestEvents.readAll(Topics.PATROL_REPORTS, Duration.ofMillis(500)).stream()
                .filter(r -> r.value().contains("\"memberId\":\"" + subject + "\""))
                .map(ConsumerRecord::key).distinct().toList()).containsExactly(id);
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text()).doesNotContain("java.", "Exception");
        return response.json().get("errors").findValuesAsString("field");
    }
}
