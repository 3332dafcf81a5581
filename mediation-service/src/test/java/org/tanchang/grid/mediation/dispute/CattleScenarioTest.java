package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.FindingParty;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * 4 January: cattle trampled the mulched seedlings of twelve herb farmers in 杨家村; the patrol found the dispute and
 * named the twelve households and the herder, the police mediated in the field, and the herder paid each household. Through the API, from the patrol event to the
 * archive, and the "three not-let-go" holding the archive back while five households are still unpaid, and again
 * while eleven of the thirteen parties were never asked at a follow-up visit.
 */
@ServiceIntegrationTest
class CattleScenarioTest {

    private static final int HOUSEHOLDS = 12;

    @LocalServerPort
    int port;

    @Test
    void twelveHouseholdsAgainstOneHerderFromPatrolReportToArchive() {
        ApiClient api = ApiClient.local(port).withToken(TestUsers.mediator(TestUsers.LICHUAN));
        String reportId = "pr-" + UUID.randomUUID();
        // the member in the field names the twelve households and the herder: the mediator retypes nobody
        List<FindingParty> named = new ArrayList<>();
        for (int i = 1; i <= HOUSEHOLDS; i++) {
            named.add(new FindingParty(FindingParty.Kind.PERSON, FindingParty.Role.APPLICANT, "药农" + i,
                    "赔偿覆膜药苗损失"));
        }
        named.add(new FindingParty(FindingParty.Kind.PERSON, FindingParty.Role.RESPONDENT, "马某", null));
        TestEvents.publish(PatrolReportSubmitted.TYPE, UUID.randomUUID().toString(), reportId,
                new PatrolReportSubmitted(reportId, TestUsers.YANGJIA_GRID, "杨家村第一网格", TestUsers.LICHUAN,
                        "member-ldm", "李德明", OffsetDateTime.parse("2026-01-04T08:00:00+08:00"),
                        OffsetDateTime.parse("2026-01-04T11:00:00+08:00"),
                        new ResponsibleOfficer("officer-lichuan-01", "王建军"),
                        List.of(new PatrolFinding(0, FindingKind.DISPUTE,
                                "牧民马某的牛群踩踏了十二户药农的覆膜药苗，药农要求赔偿", new GeoPoint(104.392, 34.047),
                                List.of(), List.of("马某"), new FindingDispute(FindingDispute.Type.LIVESTOCK_DAMAGE,
                                        FindingDispute.RiskLevel.MEDIUM, named)))));
        String id = Disputes.idOfPatrolFinding(reportId, 0);
        String firstVisit = id + "-visit-1";
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/follow-up-visits/" + firstVisit).status() == 200);
        JsonNode opened = api.get("/api/disputes/" + id).json();
        assertThat(opened.get("state").asString()).isEqualTo("APPLIED");
        assertThat(opened.get("type").asString()).isEqualTo("LIVESTOCK_DAMAGE");
        assertThat(opened.get("riskLevel").asString()).isEqualTo("MEDIUM");
        assertThat(opened.get("level").asString()).isEqualTo("GRID");
        JsonNode parties = opened.get("parties");
        assertThat(parties).hasSize(HOUSEHOLDS + 1);
        for (int i = 0; i < HOUSEHOLDS; i++) {   // the agreement's terms below refer to these indexes
            assertThat(parties.get(i).get("index").asInt()).isEqualTo(i);
            assertThat(parties.get(i).get("name").asString()).isEqualTo("药农" + (i + 1));
            assertThat(parties.get(i).get("role").asString()).isEqualTo("APPLICANT");
            assertThat(parties.get(i).get("claims").asString()).isEqualTo("赔偿覆膜药苗损失");
        }
        assertThat(parties.get(HOUSEHOLDS).get("index").asInt()).isEqualTo(HOUSEHOLDS);
        assertThat(parties.get(HOUSEHOLDS).get("name").asString()).isEqualTo("马某");
        assertThat(parties.get(HOUSEHOLDS).get("role").asString()).isEqualTo("RESPONDENT");
        assertThat(parties.get(HOUSEHOLDS).get("kind").asString()).isEqualTo("PERSON");

        ok(api.post("/api/disputes/" + id + "/accept", "{\"remark\":\"双方同意调解\"}"));
        ok(api.post("/api/disputes/" + id + "/start-mediation", "{}"));
        ok(api.post("/api/disputes/" + id + "/sessions", "{\"heldOn\":\"2026-01-04\",\"place\":\"杨家村药田\","
                + "\"mediatorIds\":[\"officer-lichuan-01\"],\"method\":\"IN_THE_FIELD\",\"notes\":\"逐户核实受损面积\"}"));
        JsonNode mediating = ok(api.post("/api/disputes/" + id + "/sessions", "{\"heldOn\":\"2026-01-05\","
                + "\"place\":\"村委会\",\"mediatorIds\":[\"officer-lichuan-01\",\"mediator-lichuan-01\"],"
                + "\"method\":\"OPEN_MEDIATION\"}"));
        assertThat(mediating.get("sessions")).hasSize(2);

        List<String> terms = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            terms.add("{\"obligorIndex\":" + HOUSEHOLDS + ",\"beneficiaryIndex\":" + i + ",\"obligation\":\"赔偿覆膜药苗损失\","
                    + "\"amountFen\":120000,\"dueOn\":\"2026-01-20\"}");
        }
        JsonNode agreed = ok(api.post("/api/disputes/" + id + "/agree", "{\"signedOn\":\"2026-01-06\",\"terms\":["
                + String.join(",", terms) + "]}"));
        assertThat(agreed.get("state").asString()).isEqualTo("AGREED");
        assertThat(agreed.get("agreement").get("totalAmountFen").asLong()).isEqualTo(1_440_000);
        String agreementVisit = id + "-visit-agreement-1";
        assertThat(api.get("/api/follow-up-visits/" + agreementVisit).json().get("dueOn").asString())
                .isEqualTo("2026-01-13");
        ok(api.post("/api/disputes/" + id + "/start-performance", "{}"));
        for (int i = 0; i < 7; i++) {
            perform(api, id, i);
        }

        var early = api.post("/api/disputes/" + id + "/archive", "{}");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:not-let-go");
        JsonNode missing = early.json().get("missing");
        assertThat(missing.valueStream().filter(m -> m.get("kind").asString().equals("UNPERFORMED_TERM"))
                .map(m -> m.get("reference").asString()).toList())
                .containsExactly("term-7", "term-8", "term-9", "term-10", "term-11");
        assertThat(missing.valueStream().filter(m -> m.get("kind").asString().equals("VISIT_NOT_MADE"))
                .map(m -> m.get("reference").asString()).toList()).containsExactlyInAnyOrder(firstVisit, agreementVisit);
        assertThat(api.get("/api/disputes/" + id).json().get("state").asString()).isEqualTo("PERFORMING");

        for (int i = 7; i < HOUSEHOLDS; i++) {
            perform(api, id, i);
        }
        visit(api, firstVisit, "药农7", false, false);   // still waiting for the money then
        var dissatisfied = api.post("/api/disputes/" + id + "/archive", "{}");
        assertThat(dissatisfied.status()).isEqualTo(409);
        assertThat(dissatisfied.json().get("missing").findValuesAsString("kind"))
                .contains("PARTY_DISSATISFIED").doesNotContain("UNPERFORMED_TERM");

        visit(api, agreementVisit, "药农7", true, false);
        String revisit = id + "-visit-3";   // scheduled by the dissatisfied visit: a visit not made holds it back too
        visit(api, revisit, "马某", true, false);
        ok(api.post("/api/disputes/" + id + "/fulfil", "{}"));

        // the last visits asked two of the thirteen parties: the eleven never asked hold the archive back
        var unasked = api.post("/api/disputes/" + id + "/archive", "{}");
        assertThat(unasked.status()).as(unasked.text()).isEqualTo(409);
        JsonNode notVisited = unasked.json().get("missing");
        assertThat(notVisited.findValuesAsString("kind")).containsOnly("PARTY_NOT_VISITED").hasSize(11);
        assertThat(notVisited.findValuesAsString("reference")).containsExactly("party-0", "party-1", "party-2",
                "party-3", "party-4", "party-5", "party-7", "party-8", "party-9", "party-10", "party-11");
        assertThat(notVisited.get(0).get("detail").asString()).contains("药农1");
        assertThat(api.get("/api/disputes/" + id).json().get("state").asString()).isEqualTo("FULFILLED");

        // ten households are asked on visits the mediator schedules; the twelfth moved away, and why is recorded
        for (int i = 1; i <= 11; i++) {
            if (i != 7) {
                ok(api.post("/api/disputes/" + id + "/schedule-visit", "{\"dueOn\":\"2026-01-14\",\"partyName\":\"药农"
                        + i + "\"}"));
            }
        }
        List<JsonNode> requested = api.get("/api/follow-up-visits?disputeId=" + id + "&status=SCHEDULED&size=100")
                .json().get("items").valueStream().toList();
        assertThat(requested).hasSize(10).allSatisfy(v -> assertThat(v.get("reason").asString()).isEqualTo("REQUESTED"));
        for (JsonNode v : requested) {
            visit(api, v.get("id").asString(), v.get("partyToVisit").asString(), true, false);
        }
        var oneLeft = api.post("/api/disputes/" + id + "/archive", "{}");
        assertThat(oneLeft.status()).isEqualTo(409);
        assertThat(oneLeft.json().get("missing").findValuesAsString("reference")).containsExactly("party-11");
        JsonNode excused = ok(api.post("/api/disputes/" + id + "/excuse-visit",
                "{\"partyIndex\":11,\"reason\":\"已举家外出务工，电话确认赔偿到位\"}"));
        assertThat(excused.get("visitExcuses").get(0).get("partyName").asString()).isEqualTo("药农12");
        JsonNode archived = ok(api.post("/api/disputes/" + id + "/archive", "{\"remark\":\"三个不放已落实\"}"));

        assertThat(archived.get("state").asString()).isEqualTo("ARCHIVED");
        assertThat(archived.get("agreement").get("performedCount").asInt()).isEqualTo(HOUSEHOLDS);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            // delivery is at least once: an event may appear twice, with the same id (consumers deduplicate on it)
            List<String> types = TestEvents.readAll(Topics.DISPUTES, Duration.ofMillis(500)).stream()
                    .filter(r -> id.equals(r.key()))
                    .collect(java.util.stream.Collectors.toMap(r -> TestEvents.header(r, "ce_id"),
                            r -> TestEvents.eventName(r), (a, b) -> a, java.util.LinkedHashMap::new))
                    .values().stream().toList();
            assertThat(types).contains("DisputeOpened", "MediationSessionHeld", "AgreementSigned")
                    .filteredOn("AgreementTermPerformed"::equals).hasSize(HOUSEHOLDS);
            assertThat(types.stream().filter("DisputeStateChanged"::equals).count()).isEqualTo(6);
        });
    }

    private static void perform(ApiClient api, String id, int term) {
        ok(api.post("/api/disputes/" + id + "/perform-term", "{\"termIndex\":" + term
                + ",\"performedOn\":\"2026-01-08\",\"remark\":\"现金当面交付\"}"));
    }

    private static void visit(ApiClient api, String visitId, String party, boolean satisfied, boolean hazard) {
        ok(api.post("/api/follow-up-visits/" + visitId + "/complete", "{\"visitedOn\":\"2026-01-12\",\"partyName\":\""
                + party + "\",\"satisfied\":" + satisfied + ",\"hazardRemains\":" + hazard + "}"));
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }
}
