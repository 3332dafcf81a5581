package org.tanchang.grid.gridservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import tools.jackson.databind.JsonNode;

/** grid-service against the real broker and wire server: reports in, events out, statistics from the events. */
@ServiceIntegrationTest
class PatrolReportFlowTest {

    static final String YANGJIA_1 = "621223101001001";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private ApiClient api() {
        return ApiClient.local(port);
    }

    private static String report(String gridCode, String memberId) {
        return """
                {"gridCode":"%s","memberId":"%s","memberName":"李德明",
                 "startedAt":"2026-01-04T09:00:00+08:00","endedAt":"2026-01-04T11:30:00+08:00",
                 "findings":[
                   {"kind":"DISPUTE","description":"牧民的牛群踩踏了十余户药农的覆膜药苗","location":{"longitude":104.392,"latitude":34.047}},
                   {"kind":"INCIDENT","description":"田间药材被盗"},
                   {"kind":"HAZARD","description":"路边护栏损坏"}]}
                """.formatted(gridCode, memberId);
    }

    private List<ConsumerRecord<String, String>> eventsOf(String reportId) {
        return TestEvents.readAll(Topics.PATROL_REPORTS, Duration.ofMillis(800)).stream()
                .filter(r -> reportId.equals(r.key())).toList();
    }

    private long statReports(String gridCode) {
        JsonNode totals = api().get("/api/grid-statistics/" + gridCode + "?from=2026-01-01&to=2026-01-31").json();
        return totals.get("patrolReports").asLong();
    }

    @Test
    void aSubmittedReportIsStoredPublishedWithTheGridsOfficerAndCounted() {
        String member = "m-" + UUID.randomUUID();
        var created = api().post("/api/patrol-reports", report("621223101002001", member));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/patrol-reports/" + id);
        assertThat(created.json().get("startedAt").asString()).isEqualTo("2026-01-04T09:00:00+08:00");
        assertThat(created.json().get("findings").get(1).get("kind").asString()).isEqualTo("INCIDENT");
        assertThat(api().get("/api/patrol-reports/" + id).json().get("memberName").asString()).isEqualTo("李德明");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(id)).hasSize(1));
        ConsumerRecord<String, String> event = eventsOf(id).get(0);
        assertThat(TestEvents.header(event, "ce_type")).isEqualTo("PatrolReportSubmitted");
        assertThat(TestEvents.header(event, "ce_source")).isEqualTo("/tanchang-grid/grid-service");
        assertThat(event.value()).contains("\"responsibleOfficer\":{\"id\":\"officer-lichuan-02\",\"name\":\"李红梅\"}")
                .contains("\"gridName\":\"拉沙村第一网格\"");

        await().atMost(Duration.ofSeconds(20)).until(() -> statReports("621223101002001") == 1);
        JsonNode totals = api().get("/api/grid-statistics/621223101002001?from=2026-01-04&to=2026-01-04").json();
        assertThat(totals.get("findings").get("DISPUTE").asLong()).isEqualTo(1);
        assertThat(totals.get("findings").get("INCIDENT").asLong()).isEqualTo(1);

        // the same event delivered again does not count twice
        TestEvents.send(Topics.PATROL_REPORTS, TestEvents.header(event, "ce_id"), "PatrolReportSubmitted", id,
                TestEvents.header(event, "ce_dataschema"), event.value());
        api().post("/api/patrol-reports", report("621223101002001", member));
        await().atMost(Duration.ofSeconds(20)).until(() -> statReports("621223101002001") == 2);
        assertThat(statReports("621223101002001")).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstReportAndPublishesOnce() {
        String member = "m-" + UUID.randomUUID();
        var first = api().post("/api/patrol-reports", report(YANGJIA_1, member), "Idempotency-Key", "retry-key-0001");
        var again = api().post("/api/patrol-reports", report(YANGJIA_1, member), "Idempotency-Key", "retry-key-0001");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(api().get("/api/patrol-reports?memberId=" + member).json().get("total").asLong()).isEqualTo(1);
        String id = first.json().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(id)).hasSize(1));
    }

    @Test
    void invalidReportsAreRefusedWithEveryFieldNamedAndNothingStoredOrPublished() {
        long before = mongo.getCollection("patrol_reports").countDocuments();

        var invalid = api().post("/api/patrol-reports", """
                {"gridCode":"123","memberId":"","memberName":"李德明",
                 "startedAt":"2026-01-04T11:00:00+08:00","endedAt":"2026-01-04T09:00:00+08:00",
                 "findings":[{"kind":"DISPUTE","description":"","location":{"longitude":200,"latitude":34}}]}
                """);
        var unknownKind = api().post("/api/patrol-reports", report(YANGJIA_1, "m-x").replace("HAZARD", "ALIENS"));
        var malformed = api().post("/api/patrol-reports", "{\"gridCode\": ");
        var unknownField = api().post("/api/patrol-reports", report(YANGJIA_1, "m-x").replaceFirst("\\{", "{\"id\":\"mine\","));
        var unknownGrid = api().post("/api/patrol-reports", report("621223999999999", "m-x"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:validation");
        assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("gridCode", "memberId",
                "findings[0].description", "findings[0].location.longitude", "chronological");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("errors").get(0).get("field").asString()).isEqualTo("findings[2].kind");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("detail").asString()).isEqualTo("Unknown field 'id'");
        assertThat(unknownGrid.status()).isEqualTo(422);
        assertThat(unknownGrid.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:unknown-grid");
        assertThat(mongo.getCollection("patrol_reports").countDocuments()).isEqualTo(before);
    }

    @Test
    void mongoOperatorsInBodiesOrParametersAreRefusedOrMatchNothing() {
        long before = mongo.getCollection("patrol_reports").countDocuments();

        var operatorBody = api().post("/api/patrol-reports",
                report(YANGJIA_1, "m-x").replace("\"memberId\":\"m-x\"", "\"memberId\":{\"$gt\":\"\"}"));
        var dottedKey = api().post("/api/patrol-reports", report(YANGJIA_1, "m-x").replaceFirst("\\{", "{\"a.b\":1,"));
        var operatorParam = api().get("/api/patrol-reports?memberId=%7B%22%24gt%22%3A%22%22%7D");

        assertThat(operatorBody.status()).isEqualTo(400);
        assertThat(operatorBody.json().get("errors").get(0).get("field").asString()).isEqualTo("memberId");
        assertThat(dottedKey.status()).isEqualTo(400);
        assertThat(operatorParam.status()).isEqualTo(200);
        assertThat(operatorParam.json().get("total").asLong()).as("a parameter is a value, never a query").isZero();
        assertThat(mongo.getCollection("patrol_reports").countDocuments()).isEqualTo(before);
    }

    @Test
    void gridsAreListedAndLookedUp() {
        var lichuan = api().get("/api/grids?townshipCode=621223101");
        var missing = api().get("/api/grids/621223999999999");
        var badFilter = api().get("/api/grids?townshipCode=abc");
        var badPage = api().get("/api/patrol-reports?size=1000");

        assertThat(lichuan.json().findValuesAsString("villageName")).contains("杨家村", "拉沙村").doesNotContain("大舍村");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }
}
