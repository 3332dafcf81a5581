package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestTokens;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The timeline as the officer reads it with GET: every write that changed the case is an entry (the plate traced,
 * the evidence, the persons, the money recovered), and every entry names its actor the same way: the user name in
 * {@code actor}, the display name in {@code actorName}, from the report on.
 */
@ServiceIntegrationTest
class IncidentTimelineIntegrationTest {

    private static final String BUYER_ID = "620521198003150014";

    @LocalServerPort
    int port;

    private ApiClient signedIn(String subject, String name, String role) {
        return ApiClient.local(port).withToken(TestTokens.shared().named(subject, name, List.of(role),
                List.of(TestUsers.LICHUAN)));
    }

    @Test
    void everyChangeIsAnEntryAndEveryEntryNamesItsActorTheSameWay() {
        String officerId = "officer.wanghai-" + UUID.randomUUID();
        ApiClient officer = signedIn(officerId, "王海", "OFFICER");
        var created = officer.post("/api/incidents", "{\"source\":\"WALK_IN\",\"gridCode\":\"" + TestUsers.YANGJIA_GRID
                + "\",\"description\":\"收购商收购党参后少付货款2000元，开白色货车离开\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String incident = "/api/incidents/" + created.json().get("id").asString();
        assertThat(officer.post(incident + "/register", "{\"remark\":\"属实\"}").status()).isEqualTo(200);
        assertThat(officer.post(incident + "/dispatch", "{\"gridCode\":\"" + TestUsers.YANGJIA_GRID
                + "\",\"officerId\":\"" + officerId + "\"}").status()).isEqualTo(200);
        assertThat(officer.post(incident + "/accept", "{}").status()).isEqualTo(200);
        assertThat(officer.post(incident + "/start", "{}").status()).isEqualTo(200);

        var vehicle = officer.post(incident + "/vehicles", "{\"plate\":\"甘J12345\",\"description\":\"白色货车\"}");
        var evidence = officer.post(incident + "/evidence", "{\"url\":\"https://files.tanchang.example/e/receipt.jpg\","
                + "\"type\":\"PHOTO\",\"sha256\":\"" + "ab".repeat(32) + "\",\"description\":\"收购单据\"}");
        var person = officer.post(incident + "/persons", "{\"role\":\"SUSPECT\",\"name\":\"马某\",\"idNumber\":\""
                + BUYER_ID + "\",\"phone\":\"13712345678\"}");
        var money = officer.send("PUT", incident + "/money", "{\"amountInvolvedFen\":200000,"
                + "\"amountRecoveredFen\":150050}", "Content-Type", "application/json");
        JsonNode read = officer.get(incident).json();

        assertThat(List.of(vehicle.status(), evidence.status(), person.status(), money.status()))
                .containsOnly(200);
        assertThat(money.json().get("timeline").findValuesAsString("action")).as("the write's own response shows it")
                .endsWith("set-money");
        JsonNode timeline = read.get("timeline");
        assertThat(timeline.findValuesAsString("action")).containsExactly("report", "register", "dispatch", "accept",
                "start", "add-vehicle", "add-evidence", "add-person", "set-money");
        assertThat(timeline.findValuesAsString("actor")).containsOnly(officerId);
        assertThat(timeline.findValuesAsString("actorName")).containsOnly("王海");
        assertThat(timeline.findValuesAsString("state").subList(5, 9)).as("an addition is no step")
                .containsOnly("IN_PROGRESS");
        assertThat(timeline.get(5).get("remark").asString()).contains("甘J12345", "白色货车");
        assertThat(timeline.get(6).get("remark").asString()).contains("PHOTO", "收购单据");
        assertThat(timeline.get(7).get("remark").asString()).contains("SUSPECT", "马*");
        assertThat(timeline.get(8).get("remark").asString()).contains("2000.00 yuan", "1500.50 yuan");
        assertThat(read.toString()).as("the timeline never shows a person's data in plain")
                .doesNotContain(BUYER_ID, "13712345678", "马某");
    }

    @Test
    void theFirstEntryShowsTheReportersDisplayNameAsTheLaterOnesDo() {
        String officerId = "officer.lichuan-" + UUID.randomUUID();
        String supervisorId = "supervisor.zhang-" + UUID.randomUUID();
        ApiClient officer = signedIn(officerId, "李警官", "OFFICER");
        ApiClient supervisor = signedIn(supervisorId, "张督察", "SUPERVISOR");
        var created = officer.post("/api/incidents", "{\"source\":\"CALL_110\",\"gridCode\":\""
                + TestUsers.YANGJIA_GRID + "\",\"description\":\"集市上有人打架\"}");
        String incident = "/api/incidents/" + created.json().get("id").asString();
        assertThat(supervisor.post(incident + "/supervise", "{\"reason\":\"群众反映强烈\"}").status()).isEqualTo(200);

        JsonNode timeline = officer.get(incident).json().get("timeline");

        assertThat(timeline.findValuesAsString("actorName")).containsExactly("李警官", "张督察");
        assertThat(timeline.findValuesAsString("actor")).containsExactly(officerId, supervisorId);
    }

    @Test
    void aPatrolFindingsFirstEntryNamesTheGridMember() {
        String reportId = "pr-" + UUID.randomUUID();
        OffsetDateTime ended = OffsetDateTime.now(ZoneOffset.ofHours(8));
        TestEvents.publish(PatrolReportSubmitted.TYPE, UUID.randomUUID().toString(), reportId,
                new PatrolReportSubmitted(reportId, TestUsers.YANGJIA_GRID, "杨家村第一网格", "621223101",
                        "gm-li-jianguo", "李建国", ended.minusHours(2), ended, new ResponsibleOfficer("po-wang-hai",
                        "王海"), List.of(new PatrolFinding(0, FindingKind.INCIDENT, "田间党参被盗",
                        new GeoPoint(104.3948, 34.0472)))));
        ApiClient officer = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));

        JsonNode first = await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode found = officer.get("/api/incidents?sourceReference=" + reportId).json();
            return found.get("total").asLong() == 1 ? found.get("items").get(0).get("timeline").get(0) : null;
        }, found -> found != null);

        assertThat(first.get("actor").asString()).isEqualTo("gm-li-jianguo");
        assertThat(first.get("actorName").asString()).isEqualTo("李建国");
    }
}
