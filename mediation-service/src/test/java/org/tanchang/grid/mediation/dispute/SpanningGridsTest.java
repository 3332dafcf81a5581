package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.FindingParty;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The cattle case spans two grids: the farmers' 杨家村 and the herder's 拉沙村. Everyone responsible for either grid
 * sees the dispute (and may act on it); a third grid's member does not.
 */
@ServiceIntegrationTest
class SpanningGridsTest {

    @LocalServerPort
    int port;

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    @Test
    void aPartyFromAnotherGridBringsThatGridsMemberInButNotAThirdGrids() {
        DisputeDriver driver = new DisputeDriver(port);
        String body = DisputeDriver.OPEN_BODY.replace("{\"kind\":\"PERSON\",\"role\":\"RESPONDENT\",\"name\":\"马某某\"}",
                "{\"kind\":\"PERSON\",\"role\":\"RESPONDENT\",\"name\":\"马某某\",\"gridCode\":\"" + TestUsers.LASHA_GRID
                        + "\"}");
        ApiClient.Response opened = driver.api().post("/api/disputes", body);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String id = opened.json().get("id").asString();
        assertThat(opened.json().get("gridCode").asString()).isEqualTo(TestUsers.YANGJIA_GRID);
        assertThat(opened.json().get("otherGridCodes").valueStream().map(JsonNode::asString).toList())
                .containsExactly(TestUsers.LASHA_GRID);

        ApiClient lasha = as(TestUsers.gridMember(TestUsers.LASHA_GRID));
        ApiClient dashe = as(TestUsers.gridMember(TestUsers.DASHE_GRID));
        assertThat(lasha.get("/api/disputes/" + id).status()).isEqualTo(200);
        assertThat(ids(lasha.get("/api/disputes?gridCode=" + TestUsers.LASHA_GRID + "&size=100"))).contains(id);
        assertThat(ids(lasha.get("/api/disputes?size=100"))).contains(id);
        assertThat(dashe.get("/api/disputes/" + id).status()).isEqualTo(404);
        assertThat(ids(dashe.get("/api/disputes?size=100"))).doesNotContain(id);
    }

    @Test
    void aMediatorAddsTheOtherGridAndItsPeopleSeeTheDisputeFromThen() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("MEDIATING");
        ApiClient lasha = as(TestUsers.gridMember(TestUsers.LASHA_GRID));
        ApiClient lashaMuer = as(TestUsers.mediator(TestUsers.MUER));
        assertThat(lasha.get("/api/disputes/" + id).status()).as("not yet theirs").isEqualTo(404);

        JsonNode added = ok(driver.post(id, "add-grids", "{\"gridCodes\":[\"" + TestUsers.LASHA_GRID + "\",\""
                + TestUsers.YANGJIA_GRID + "\"],\"reason\":\"牛群属拉沙村牧户\"}"));

        assertThat(added.get("otherGridCodes").valueStream().map(JsonNode::asString).toList())
                .as("its own grid is not repeated").containsExactly(TestUsers.LASHA_GRID);
        assertThat(lasha.get("/api/disputes/" + id).status()).isEqualTo(200);
        assertThat(lasha.get("/api/disputes/" + id + "/timeline").status()).isEqualTo(200);
        assertThat(lashaMuer.get("/api/disputes/" + id).status()).as("another township's mediator").isEqualTo(404);
        ApiClient.Response bad = driver.post(id, "add-grids", "{\"gridCodes\":[\"6212\"],\"reason\":\"x\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).hasSize(1)
                .allMatch(field -> field.startsWith("gridCodes"));
    }

    @Test
    void aPatrolFindingNamingTheHerdersGridOpensADisputeSpanningIt() {
        String reportId = "pr-" + java.util.UUID.randomUUID();
        var parties = java.util.List.of(
                new FindingParty(FindingParty.Kind.PERSON, FindingParty.Role.APPLICANT, "药农1", "赔偿"),
                new FindingParty(FindingParty.Kind.PERSON, FindingParty.Role.RESPONDENT, "马某", null,
                        TestUsers.LASHA_GRID));
        TestEvents.publish(PatrolReportSubmitted.TYPE, java.util.UUID.randomUUID().toString(), reportId,
                new PatrolReportSubmitted(reportId, TestUsers.YANGJIA_GRID, "杨家村第一网格", TestUsers.LICHUAN,
                        "member-ldm", "李德明", OffsetDateTime.parse("2026-01-04T08:00:00+08:00"),
                        OffsetDateTime.parse("2026-01-04T11:00:00+08:00"), null,
                        java.util.List.of(new PatrolFinding(0, FindingKind.DISPUTE, "牛群踩踏覆膜药苗", null,
                                java.util.List.of(), java.util.List.of(), new FindingDispute(
                                        FindingDispute.Type.LIVESTOCK_DAMAGE, FindingDispute.RiskLevel.MEDIUM,
                                        parties)))));
        String id = Disputes.idOfPatrolFinding(reportId, 0);
        ApiClient lasha = as(TestUsers.gridMember(TestUsers.LASHA_GRID));

        await().atMost(Duration.ofSeconds(20)).until(() -> lasha.get("/api/disputes/" + id).status() == 200);
        assertThat(lasha.get("/api/disputes/" + id).json().get("otherGridCodes").valueStream()
                .map(JsonNode::asString).toList()).containsExactly(TestUsers.LASHA_GRID);
        assertThat(as(TestUsers.gridMember(TestUsers.DASHE_GRID)).get("/api/disputes/" + id).status()).isEqualTo(404);
    }

    @Test
    void theVisitsOfADisputeSpanningGridsAreSeenInEachGridMadeBeforeOrAfter() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("AGREED");
        String before = id + "-visit-agreement-1";
        ApiClient lasha = as(TestUsers.gridMember(TestUsers.LASHA_GRID));
        assertThat(lasha.get("/api/follow-up-visits/" + before).status()).isEqualTo(404);

        ok(driver.post(id, "add-grids", "{\"gridCodes\":[\"" + TestUsers.LASHA_GRID + "\"],\"reason\":\"牧户在拉沙村\"}"));
        ok(driver.post(id, "schedule-visit", "{\"dueOn\":\"2026-01-15\",\"partyName\":\"马某某\"}"));

        assertThat(lasha.get("/api/follow-up-visits/" + before).status()).isEqualTo(200);
        var visits = lasha.get("/api/follow-up-visits?disputeId=" + id + "&gridCode=" + TestUsers.LASHA_GRID);
        assertThat(visits.status()).as(visits.text()).isEqualTo(200);
        assertThat(visits.json().get("total").asLong()).as("the agreement's visit and the one asked for").isEqualTo(2);
        assertThat(as(TestUsers.gridMember(TestUsers.DASHE_GRID)).get("/api/follow-up-visits/" + before).status())
                .isEqualTo(404);
        var done = lasha.post("/api/follow-up-visits/" + before + "/complete", "{\"visitedOn\":\"2026-01-12\","
                + "\"partyName\":\"马某某\",\"satisfied\":true,\"hazardRemains\":false}");
        assertThat(done.status()).as("the herder's grid member visits him").isEqualTo(200);
    }

    private static java.util.List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        return page.json().get("items").valueStream().map(d -> d.get("id").asString()).toList();
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }
}
