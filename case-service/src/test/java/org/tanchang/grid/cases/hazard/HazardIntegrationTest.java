package org.tanchang.grid.cases.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.workflow.DeadlineSweep;
import org.tanchang.grid.platform.workflow.DeadlineTrack;
import tools.jackson.databind.JsonNode;

/**
 * 安全隐患联治, 隐患不消除不放过: a hazard found on patrol is opened from the report's HAZARD finding (once, however
 * often the report is delivered), ordered to be rectified, turns overdue in the platform's sweep and goes up to the
 * township, is found not removed twice at re-inspection (the second repeat takes it to the county) and closes only
 * when a re-inspection finds it removed; every step is an event on case.hazards.v1 without personal data.
 */
@ServiceIntegrationTest
class HazardIntegrationTest {

    static final String GRID = TestUsers.YANGJIA_GRID;

    @LocalServerPort
    int port;

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    DeadlineTrack<Hazard> hazardDeadline;

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private ApiClient member() {
        return as(TestUsers.gridMember(GRID));
    }

    private ApiClient officer() {
        return as(TestUsers.officer(TestUsers.LICHUAN));
    }

    private static PatrolReportSubmitted patrolReport(String reportId) {
        OffsetDateTime ended = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
        return new PatrolReportSubmitted(reportId, GRID, "杨家村第一网格", "621223101", "gm-yang-hazard", "杨秀英",
                ended.minusHours(2), ended, new ResponsibleOfficer("po-li-hazard", "李警官"), List.of(
                        new PatrolFinding(0, FindingKind.DISPUTE, "两户因牛踩踏地膜发生争执", null),
                        new PatrolFinding(1, FindingKind.HAZARD, "公路上方护栏破损，落石风险",
                                new GeoPoint(104.3948, 34.0472))));
    }

    private JsonNode step(ApiClient who, String id, String action, String body) {
        ApiClient.Response response = who.post("/api/hazards/" + id + "/" + action, body);
        assertThat(response.status()).as(action + ": " + response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> eventsOf(String id) {
        return TestEvents.readAll(Topics.HAZARDS, Duration.ofSeconds(1)).stream()
                .filter(r -> id.equals(TestEvents.header(r, "ce_subject"))).map(TestEvents::eventName).toList();
    }

    @Test
    void aPatrolHazardIsOrderedEscalatedWhenOverdueAndWhenRepeatedAndClosesOnlyWhenFoundRemoved() {
        String reportId = "pr-hazard-" + UUID.randomUUID();
        PatrolReportSubmitted report = patrolReport(reportId);
        TestEvents.publish(PatrolReportSubmitted.TYPE, UUID.randomUUID().toString(), reportId, report);
        TestEvents.publish(PatrolReportSubmitted.TYPE, UUID.randomUUID().toString(), reportId, report);
        String id = HazardFindingsListener.idOf(reportId, 1);

        JsonNode opened = await().atMost(Duration.ofSeconds(30)).until(
                () -> member().get("/api/hazards?sourceReference=" + reportId).json(),
                page -> page.get("total").asInt() == 1).get("items").get(0);
        assertThat(opened.get("id").asString()).isEqualTo(id);
        assertThat(opened.get("state").asString()).isEqualTo("REPORTED");
        assertThat(opened.get("level").asString()).isEqualTo("GRID");
        assertThat(opened.get("riskLevel").asString()).as("the patrol default").isEqualTo("MEDIUM");
        assertThat(opened.get("memberId").asString()).isEqualTo("gm-yang-hazard");
        assertThat(opened.get("officerId").asString()).isEqualTo("po-li-hazard");
        assertThat(opened.get("deadline").get("step").asString()).isEqualTo("ordering");

        // area scope: another grid's member does not find it, a citizen may not read hazards at all
        assertThat(as(TestUsers.gridMember(TestUsers.LASHA_GRID)).get("/api/hazards/" + id).status()).isEqualTo(404);
        assertThat(as(TestUsers.citizen("citizen-hazard")).get("/api/hazards/" + id).status()).isEqualTo(403);

        // no closing without a re-inspection that finds it removed
        ApiClient.Response early = officer().post("/api/hazards/" + id + "/reinspect-removed",
                "{\"findings\":\"看过了\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("state").asString()).isEqualTo("REPORTED");
        // bad input is a 400 problem and changes nothing
        ApiClient.Response bad = officer().post("/api/hazards/" + id + "/order-rectification",
                "{\"measures\":\"\",\"riskLevel\":\"SEVERE\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(officer().post("/api/hazards/" + id + "/order-rectification", "{\"measures\":\"修复护栏\"}")
                .status()).as("nobody named who must fix it").isEqualTo(400);
        assertThat(member().get("/api/hazards/" + id).json().get("timeline").size()).isEqualTo(1);

        JsonNode ordered = step(officer(), id, "order-rectification", "{\"measures\":\"修复护栏，清理坡面危石\","
                + "\"responsibleParty\":{\"name\":\"王建国\",\"phone\":\"13800138000\"},\"riskLevel\":\"HIGH\","
                + "\"kind\":\"GEOLOGICAL\"}");
        assertThat(ordered.get("state").asString()).isEqualTo("RECTIFYING");
        assertThat(ordered.get("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(ordered.get("deadline").get("step").asString()).isEqualTo("rectification");
        assertThat(ordered.get("deadline").get("limit").asString()).isEqualTo("5WD");
        assertThat(ordered.get("responsibleParty").get("name").asString()).isNotEqualTo("王建国").startsWith("王");
        assertThat(ordered.get("responsibleParty").get("phone").asString()).contains("****")
                .doesNotContain("13800138000");
        assertThat(ordered.get("rectificationOrder").get("measures").asString()).isEqualTo("修复护栏，清理坡面危石");

        // the sweep, as of a day after the deadline: red flag, overdue, up to the township with a fresh limit
        var due = OffsetDateTime.parse(ordered.get("deadline").get("dueAt").asString()).toInstant();
        sweep.sweep(hazardDeadline, due.plus(Duration.ofDays(1)));
        sweep.sweep(hazardDeadline, due.plus(Duration.ofDays(1)));
        JsonNode overdue = member().get("/api/hazards/" + id).json();
        assertThat(overdue.get("level").asString()).isEqualTo("TOWNSHIP");
        assertThat(overdue.get("deadline").get("flag").isNull()).as("a fresh limit at the township").isTrue();
        assertThat(overdue.get("timeline").findValuesAsString("action")).containsSubsequence("overdue", "escalated");

        step(member(), id, "request-reinspection", "{\"remark\":\"户主称已修复\"}");
        JsonNode once = step(officer(), id, "reinspect-not-removed", "{\"findings\":\"护栏仍有缺口\"}");
        assertThat(once.get("state").asString()).isEqualTo("RECTIFYING");
        assertThat(once.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(once.get("level").asString()).as("one repeat is not enough").isEqualTo("TOWNSHIP");
        step(member(), id, "request-reinspection", "{}");
        JsonNode twice = step(officer(), id, "reinspect-not-removed", "{\"findings\":\"坡面危石未清理\"}");
        assertThat(twice.get("reopenCount").asInt()).isEqualTo(2);
        assertThat(twice.get("level").asString()).as("the second repeat escalates").isEqualTo("COUNTY");

        step(member(), id, "request-reinspection", "{}");
        JsonNode closed = step(officer(), id, "reinspect-removed", "{\"findings\":\"护栏修复，危石清理完毕\"}");
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("deadline").isNull()).isTrue();
        ApiClient.Response afterClose = officer().post("/api/hazards/" + id + "/escalate", "{\"reason\":\"再看看\"}");
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.json().get("allowed").size()).as("CLOSED is final").isZero();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> events = eventsOf(id);
            assertThat(events).filteredOn("HazardOpened"::equals).hasSize(1);
            assertThat(events).filteredOn("HazardRectificationOrdered"::equals).hasSize(1);
            assertThat(events).filteredOn("HazardOverdue"::equals).as("raised once").hasSize(1);
            assertThat(events).filteredOn("HazardEscalated"::equals).as("overdue, then repeat").hasSize(2);
            assertThat(events).filteredOn("HazardReinspected"::equals).hasSize(3);
            assertThat(events).filteredOn("HazardReopened"::equals).hasSize(2);
            assertThat(events).filteredOn("HazardStateChanged"::equals).hasSize(7);
        });
        List<ConsumerRecord<String, String>> records = TestEvents.readAll(Topics.HAZARDS, Duration.ofSeconds(1))
                .stream().filter(r -> id.equals(TestEvents.header(r, "ce_subject"))).toList();
        assertThat(records).allSatisfy(r -> assertThat(r.value()).doesNotContain("王建国", "13800138000",
                "修复护栏").contains("\"gridCode\":\"" + GRID + "\""));
    }

    @Test
    void aHazardRecordedDirectlyIsRecordedInTheCallersGridOnlyAndEscalatesByHandUpToTheCounty() {
        String body = """
                {"kind":"FIRE","riskLevel":"MAJOR","gridCode":"%s",
                 "location":{"longitude":104.39,"latitude":34.04},
                 "description":"柴火堆紧靠灶台，电线裸露","responsibleParty":{"name":"赵大山"}}""";
        assertThat(as(TestUsers.gridMember(TestUsers.LASHA_GRID)).post("/api/hazards", body.formatted(GRID))
                .status()).as("another grid's member").isEqualTo(403);
        assertThat(as(TestUsers.citizen("citizen-hazard")).post("/api/hazards", body.formatted(GRID)).status())
                .isEqualTo(403);
        ApiClient.Response invalid = member().post("/api/hazards",
                "{\"kind\":\"FIRE\",\"gridCode\":\"6212\",\"description\":\"\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("riskLevel", "gridCode",
                "location", "description");

        ApiClient.Response created = member().post("/api/hazards", body.formatted(GRID));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/hazards/" + id);
        assertThat(created.json().get("memberId").asString()).isEqualTo("member-" + GRID);
        assertThat(created.json().get("responsibleParty").get("name").asString()).isNotEqualTo("赵大山");

        assertThat(step(officer(), id, "escalate", "{\"reason\":\"重大火灾隐患\"}").get("level").asString())
                .isEqualTo("TOWNSHIP");
        assertThat(step(officer(), id, "escalate", "{\"reason\":\"乡镇无力整改\"}").get("level").asString())
                .isEqualTo("COUNTY");
        ApiClient.Response top = officer().post("/api/hazards/" + id + "/escalate", "{\"reason\":\"再升\"}");
        assertThat(top.status()).isEqualTo(409);
        assertThat(member().post("/api/hazards/" + id + "/escalate", "{\"reason\":\"x\"}").status())
                .as("grid members do not escalate").isEqualTo(403);
        JsonNode county = as(TestUsers.supervisor(TestUsers.COUNTY)).get("/api/hazards?level=COUNTY&size=100").json();
        assertThat(county.get("items").findValuesAsString("id")).contains(id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventsOf(id))
                .containsExactly("HazardOpened", "HazardEscalated", "HazardEscalated"));
    }
}
