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
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** grid-service against the real broker and wire server: reports in, events out, statistics from the events. */
@ServiceIntegrationTest
class PatrolReportFlowTest {

    static final String YANGJIA_1 = TestUsers.YANGJIA_GRID;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private ApiClient officer() {
        return as(TestUsers.officer(TestUsers.LICHUAN));
    }

    static String report(String gridCode) {
        return """
                {"gridCode":"%s",
                 "startedAt":"2026-01-04T09:00:00+08:00","endedAt":"2026-01-04T11:30:00+08:00",
                 "findings":[
                   {"kind":"DISPUTE","description":"牧民的牛群踩踏了十余户药农的覆膜药苗","location":{"longitude":104.392,"latitude":34.047}},
                   {"kind":"INCIDENT","description":"田间药材被盗"},
                   {"kind":"HAZARD","description":"路边护栏损坏"}]}
                """.formatted(gridCode);
    }

    private List<ConsumerRecord<String, String>> eventsOf(String reportId) {
        return TestEvents.readAll(Topics.PATROL_REPORTS, Duration.ofMillis(800)).stream()
                .filter(r -> reportId.equals(r.key())).toList();
    }

    private long statReports(String gridCode) {
        JsonNode totals = officer().get("/api/grid-statistics/" + gridCode + "?from=2026-01-01&to=2026-01-31").json();
        return totals.get("patrolReports").asLong();
    }

    @Test
    void aSubmittedReportIsStoredPublishedWithTheGridsOfficerAndCounted() {
        ApiClient member = as(TestUsers.gridMember(TestUsers.LASHA_GRID));
        var created = member.post("/api/patrol-reports", report(TestUsers.LASHA_GRID));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/patrol-reports/" + id);
        assertThat(created.json().get("startedAt").asString()).isEqualTo("2026-01-04T09:00:00+08:00");
        assertThat(created.json().get("findings").get(1).get("kind").asString()).isEqualTo("INCIDENT");
        assertThat(officer().get("/api/patrol-reports/" + id).json().get("memberName").asString())
                .isEqualTo("member-" + TestUsers.LASHA_GRID);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(id)).hasSize(1));
        ConsumerRecord<String, String> event = eventsOf(id).get(0);
        assertThat(TestEvents.header(event, "ce_type")).isEqualTo("org.tanchang.grid.grid.PatrolReportSubmitted.v1");
        assertThat(TestEvents.header(event, "ce_traceparent")).as("the request's trace, as the tracing extension")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TestEvents.header(event, "ce_source")).isEqualTo("/tanchang-grid/grid-service");
        assertThat(event.value())
                .contains("\"responsibleOfficer\":{\"id\":\"officer.lichuan\",\"name\":\"王建国（理川派出所民警）\"}")
                .contains("\"gridName\":\"拉沙村第一网格\"")
                .contains("\"memberId\":\"member-" + TestUsers.LASHA_GRID + "\"");

        await().atMost(Duration.ofSeconds(20)).until(() -> statReports(TestUsers.LASHA_GRID) == 1);
        JsonNode totals = officer().get("/api/grid-statistics/" + TestUsers.LASHA_GRID + "?from=2026-01-04&to=2026-01-04")
                .json();
        assertThat(totals.get("findings").get("DISPUTE").asLong()).isEqualTo(1);
        assertThat(totals.get("findings").get("INCIDENT").asLong()).isEqualTo(1);

        // the same event delivered again does not count twice
        TestEvents.send(Topics.PATROL_REPORTS, TestEvents.header(event, "ce_id"), "PatrolReportSubmitted", id,
                TestEvents.header(event, "ce_dataschema"), event.value());
        member.post("/api/patrol-reports", report(TestUsers.LASHA_GRID));
        await().atMost(Duration.ofSeconds(20)).until(() -> statReports(TestUsers.LASHA_GRID) == 2);
        assertThat(statReports(TestUsers.LASHA_GRID)).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstReportAndPublishesOnce() {
        String subject = "m-" + UUID.randomUUID();
        ApiClient member = as(TestUsers.token(subject, "GRID_MEMBER", YANGJIA_1));
        var first = member.post("/api/patrol-reports", report(YANGJIA_1), "Idempotency-Key", "retry-key-0001");
        var again = member.post("/api/patrol-reports", report(YANGJIA_1), "Idempotency-Key", "retry-key-0001");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(officer().get("/api/patrol-reports?memberId=" + subject).json().get("total").asLong()).isEqualTo(1);
        String id = first.json().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(id)).hasSize(1));
    }

    @Test
    void theSameIdempotencyKeyFromAnotherPersonIsAnotherReport() {
        ApiClient one = as(TestUsers.token("m-" + UUID.randomUUID(), "GRID_MEMBER", YANGJIA_1));
        ApiClient other = as(TestUsers.token("m-" + UUID.randomUUID(), "GRID_MEMBER", YANGJIA_1));

        var first = one.post("/api/patrol-reports", report(YANGJIA_1), "Idempotency-Key", "shared-key-0001");
        var second = other.post("/api/patrol-reports", report(YANGJIA_1), "Idempotency-Key", "shared-key-0001");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
        assertThat(second.json().get("memberId").asString()).isNotEqualTo(first.json().get("memberId").asString());
    }

    @Test
    void invalidReportsAreRefusedWithEveryFieldNamedAndNothingStoredOrPublished() {
        ApiClient member = as(TestUsers.gridMember(YANGJIA_1));
        long before = mongo.getCollection("patrol_reports").countDocuments();

        var invalid = member.post("/api/patrol-reports", """
                {"gridCode":"123",
                 "startedAt":"2026-01-04T11:00:00+08:00","endedAt":"2026-01-04T09:00:00+08:00",
                 "findings":[{"kind":"DISPUTE","description":"","location":{"longitude":200,"latitude":34}}],
                 "track":[{"longitude":104.39,"latitude":95,"at":"2026-01-04T09:10:00+08:00"},
                          {"longitude":104.39,"latitude":34.04}]}
                """);
        var unknownKind = member.post("/api/patrol-reports", report(YANGJIA_1).replace("HAZARD", "ALIENS"));
        var malformed = member.post("/api/patrol-reports", "{\"gridCode\": ");
        var unknownField = member.post("/api/patrol-reports", report(YANGJIA_1).replaceFirst("\\{", "{\"id\":\"mine\","));
        var unknownGrid = officer().post("/api/patrol-reports", report("621223101999001"));
        var tooLongTrack = member.post("/api/patrol-reports", report(YANGJIA_1).replaceFirst("\\{",
                "{\"track\":[" + String.join(",", java.util.Collections.nCopies(2001,
                        "{\"longitude\":104.39,\"latitude\":34.04,\"at\":\"2026-01-04T09:10:00+08:00\"}")) + "],"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:validation");
        assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("gridCode",
                "findings[0].description", "findings[0].location.longitude", "chronological", "track[0].latitude",
                "track[1].at");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("errors").get(0).get("field").asString()).isEqualTo("findings[2].kind");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("detail").asString()).isEqualTo("Unknown field 'id'");
        assertThat(unknownGrid.status()).isEqualTo(422);
        assertThat(unknownGrid.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:unknown-grid");
        assertThat(tooLongTrack.status()).isEqualTo(400);
        assertThat(tooLongTrack.json().get("errors").findValuesAsString("field")).containsExactly("track");
        assertThat(mongo.getCollection("patrol_reports").countDocuments()).isEqualTo(before);
    }

    @Test
    void mongoOperatorsInBodiesOrParametersAreRefusedOrMatchNothing() {
        ApiClient member = as(TestUsers.gridMember(YANGJIA_1));
        long before = mongo.getCollection("patrol_reports").countDocuments();

        var operatorBody = member.post("/api/patrol-reports",
                report(YANGJIA_1).replace("\"gridCode\":\"" + YANGJIA_1 + "\"", "\"gridCode\":{\"$gt\":\"\"}"));
        var dottedKey = member.post("/api/patrol-reports", report(YANGJIA_1).replaceFirst("\\{", "{\"a.b\":1,"));
        var operatorParam = officer().get("/api/patrol-reports?memberId=%7B%22%24gt%22%3A%22%22%7D");

        assertThat(operatorBody.status()).isEqualTo(400);
        assertThat(operatorBody.json().get("errors").get(0).get("field").asString()).isEqualTo("gridCode");
        assertThat(dottedKey.status()).isEqualTo(400);
        assertThat(operatorParam.status()).isEqualTo(200);
        assertThat(operatorParam.json().get("total").asLong()).as("a parameter is a value, never a query").isZero();
        assertThat(mongo.getCollection("patrol_reports").countDocuments()).isEqualTo(before);
    }

    @Test
    void gridsAreListedAndLookedUpByEverySignedInRole() {
        ApiClient citizen = as(TestUsers.citizen("citizen-grids"));
        var lichuan = citizen.get("/api/grids?townshipCode=621223101&size=100");
        var firstOfTwo = citizen.get("/api/grids?townshipCode=621223101&size=2");
        var fromMuer = as(TestUsers.gridMember(TestUsers.DASHE_GRID)).get("/api/grids/" + YANGJIA_1);
        var missing = citizen.get("/api/grids/621223999999999");
        var badFilter = citizen.get("/api/grids?townshipCode=abc");
        var badPage = officer().get("/api/patrol-reports?size=1000");
        var anonymous = ApiClient.local(port).get("/api/grids");

        assertThat(lichuan.json().get("items").findValuesAsString("villageName")).contains("杨家村", "拉沙村", "大舍村")
                .doesNotContain("马莲村");
        assertThat(firstOfTwo.json().get("items").size()).as("one list shape: a page").isEqualTo(2);
        assertThat(firstOfTwo.json().get("size").asInt()).isEqualTo(2);
        assertThat(firstOfTwo.json().get("page").asInt()).isZero();
        assertThat(firstOfTwo.json().get("total").asLong()).isEqualTo(lichuan.json().get("items").size());
        assertThat(fromMuer.status()).isEqualTo(200);
        assertThat(fromMuer.json().get("responsibleOfficer").get("id").asString()).isEqualTo("officer.lichuan");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
