package org.tanchang.grid.petition.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The window serves the whole county (一窗通办), a citizen served at the window follows and rates the request, and
 * another system reads back what it filed and the questions addressed to it, nothing else; all through the API.
 */
@ServiceIntegrationTest
class OneWindowIntegrationTest {

    private static final String LICHUAN_CLERK = RequestFixtures.clerk();
    private static final String MUER_CLERK = TestUsers.token("clerk-muer", "WINDOW_CLERK", TestUsers.MUER);

    @LocalServerPort
    int port;

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private static String windowBody(String gridCode, String citizenAccount) {
        return "{\"itemCode\":\"ID-APPLY\",\"gridCode\":\"" + gridCode + "\",\"channel\":\"WINDOW\","
                + "\"applicant\":{\"name\":\"马建军\",\"idNumber\":\"110105194901020123\",\"phone\":\"13800138000\"},"
                + "\"fields\":{\"reason\":\"到期换领\"},\"materials\":" + ApiClient.json(RequestFixtures.ID_APPLY_MATERIALS)
                + (citizenAccount == null ? "" : ",\"citizenAccount\":\"" + citizenAccount + "\"") + "}";
    }

    private JsonNode submitted(String token, String body) {
        var response = as(token).post("/api/service-requests", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    private JsonNode step(String token, String id, String action, String body) {
        var response = as(token).post("/api/service-requests/" + id + "/" + action, body == null ? "{}" : body);
        assertThat(response.status()).as(action + " " + response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(r -> r.get("id").asString()).toList();
    }

    // item 8 ------------------------------------------------------------------------------------------------------

    @Test
    void theLichuanWindowTakesAMuerResidentsRequestAndHandlesIt() {
        JsonNode r = submitted(LICHUAN_CLERK, windowBody(TestUsers.DASHE_GRID, null));
        String id = r.get("id").asString();
        assertThat(r.get("gridCode").asString()).as("the home grid, an attribute").isEqualTo(TestUsers.DASHE_GRID);
        assertThat(r.get("stationCode").asString()).isEqualTo(TestUsers.MUER);
        assertThat(r.get("windowCode").asString()).as("the window that took it").isEqualTo(TestUsers.LICHUAN);

        step(LICHUAN_CLERK, id, "precheck", null);
        assertThat(step(LICHUAN_CLERK, id, "accept", null).get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(ids(as(LICHUAN_CLERK).get("/api/service-requests?number=" + r.get("number").asString()).json()))
                .containsExactly(id);
    }

    @Test
    void theHomeTownshipsSupervisorReadsButOnlyTheHandlingWindowActsAndOtherWindowsSeeNothing() {
        String id = submitted(LICHUAN_CLERK, windowBody(TestUsers.DASHE_GRID, null)).get("id").asString();
        String muerSupervisor = TestUsers.supervisor(TestUsers.MUER);

        assertThat(as(muerSupervisor).get("/api/service-requests/" + id).status()).isEqualTo(200);
        var refused = as(muerSupervisor).post("/api/service-requests/" + id + "/precheck", "{}");
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains(TestUsers.LICHUAN);

        assertThat(as(MUER_CLERK).get("/api/service-requests/" + id).status()).isEqualTo(404);
        assertThat(as(MUER_CLERK).post("/api/service-requests/" + id + "/precheck", "{}").status()).isEqualTo(404);
        assertThat(as(TestUsers.supervisor(TestUsers.LICHUAN)).get("/api/service-requests/" + id).status())
                .isEqualTo(200);
        assertThat(as(LICHUAN_CLERK).get("/api/service-requests/" + id).json().get("state").asString())
                .as("nothing changed by the refused step").isEqualTo("SUBMITTED");
    }

    @Test
    void aWindowCannotTakeARequestOfAnotherCounty() {
        var response = as(LICHUAN_CLERK).post("/api/service-requests", windowBody("621224101001001", null));
        assertThat(response.status()).as(response.text()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    // item 9 ------------------------------------------------------------------------------------------------------

    @Test
    void aCitizenNamedByTheWindowFollowsAndRatesTheRequestAndTheRatingCountsInTheServiceLevels() {
        String citizen = "citizen-wang-" + System.nanoTime();
        JsonNode r = submitted(LICHUAN_CLERK, windowBody(TestUsers.YANGJIA_GRID, citizen));
        String id = r.get("id").asString();
        assertThat(r.get("channel").asString()).isEqualTo("WINDOW");
        assertThat(r.get("citizenId").asString()).isEqualTo(citizen);

        ApiClient app = as(TestUsers.citizen(citizen));
        assertThat(ids(app.get("/api/service-requests").json())).containsExactly(id);
        for (String action : List.of("precheck", "accept", "start", "complete", "close")) {
            step(LICHUAN_CLERK, id, action, null);
        }
        var rated = app.post("/api/service-requests/" + id + "/rate", "{\"score\":4,\"comment\":\"窗口办得快\"}");
        assertThat(rated.status()).as(rated.text()).isEqualTo(200);
        assertThat(rated.json().get("state").asString()).isEqualTo("RATED");

        JsonNode window = level(as(LICHUAN_CLERK).get("/api/service-levels?groupBy=CHANNEL").json(), "WINDOW");
        assertThat(window.get("ratings").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(window.get("averageRating").asDouble()).isBetween(1.0, 5.0);
        JsonNode byWindow = level(as(LICHUAN_CLERK).get("/api/service-levels?groupBy=WINDOW").json(), TestUsers.LICHUAN);
        assertThat(byWindow.get("completions").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCitizenSignedUpLaterLinksTheRequestWithTheReceiptNumberAndTheirIdNumberOnce() {
        JsonNode r = submitted(LICHUAN_CLERK, windowBody(TestUsers.YANGJIA_GRID, null));
        String id = r.get("id").asString();
        String number = r.get("number").asString();
        String citizen = "citizen-zhao-" + System.nanoTime();
        ApiClient app = as(TestUsers.citizen(citizen));
        assertThat(app.get("/api/service-requests/" + id).status()).isEqualTo(404);

        var wrongId = app.post("/api/service-requests/link", "{\"number\":\"" + number
                + "\",\"idNumber\":\"11010519491231002X\"}");
        assertThat(wrongId.status()).as(wrongId.text()).isEqualTo(404);
        assertThat(wrongId.header("Content-Type")).startsWith("application/problem+json");

        String link = "{\"number\":\"" + number + "\",\"idNumber\":\"110105194901020123\"}";
        var linked = app.post("/api/service-requests/link", link);
        assertThat(linked.status()).as(linked.text()).isEqualTo(200);
        assertThat(linked.json().get("citizenId").asString()).isEqualTo(citizen);
        assertThat(linked.json().get("applicant").get("idNumber").asString()).isEqualTo("110105********0123");
        assertThat(ids(app.get("/api/service-requests").json())).containsExactly(id);
        assertThat(app.post("/api/service-requests/link", link).status()).as("again: unchanged").isEqualTo(200);

        var someoneElse = as(TestUsers.citizen("citizen-other-" + System.nanoTime()))
                .post("/api/service-requests/link", link);
        assertThat(someoneElse.status()).as("never moved to another account").isEqualTo(404);
        assertThat(as(LICHUAN_CLERK).get("/api/service-requests/" + id).json().get("citizenId").asString())
                .isEqualTo(citizen);
    }

    @Test
    void onlyStaffNameACitizensAccount() {
        var response = as(TestUsers.citizen("citizen-li")).post("/api/service-requests",
                windowBody(TestUsers.YANGJIA_GRID, "citizen-someone-else").replace("\"channel\":\"WINDOW\",", ""));
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("citizenAccount");
    }

    // item 3 ------------------------------------------------------------------------------------------------------

    @Test
    void aSystemReadsBackWhatItFiledAndNothingElse() {
        String system = TestUsers.system("market-supervision", "petition.read", "petition.write");
        String other = TestUsers.system("tax-bureau", "petition.read", "petition.write");
        JsonNode filed = submitted(system, RequestFixtures.body(TestUsers.YANGJIA_GRID,
                RequestFixtures.ID_APPLY_MATERIALS));
        String id = filed.get("id").asString();
        assertThat(filed.get("channel").asString()).isEqualTo("OTHER_SYSTEM");
        String citizens = new RequestFixtures(port).submit("citizen-sun", true).get("id").asString();

        assertThat(as(system).get("/api/service-requests/" + id).status()).isEqualTo(200);
        assertThat(as(system).get("/api/service-requests/" + id + "/receipt").status()).isEqualTo(200);
        List<String> listed = ids(as(system).get("/api/service-requests?size=100").json());
        assertThat(listed).contains(id).doesNotContain(citizens);
        assertThat(as(system).get("/api/service-requests/" + citizens).status()).isEqualTo(404);

        assertThat(as(other).get("/api/service-requests/" + id).status()).isEqualTo(404);
        assertThat(ids(as(other).get("/api/service-requests?size=100").json())).doesNotContain(id);
    }

    @Test
    void anOpen311ClientGetsItsRequestBackAsJsonAndXmlAndInTheList() {
        String system = TestUsers.system("open311-client", "petition.read", "petition.write");
        var created = as(system).send("POST", "/open311/v2/requests.json", "service_code=ID-APPLY"
                + "&attribute%5BgridCode%5D=" + TestUsers.YANGJIA_GRID + "&attribute%5BapplicantIdNumber%5D="
                + "110105194901020123&attribute%5Breason%5D=%E5%88%B0%E6%9C%9F&first_name=%E5%BB%BA%E5%86%9B"
                + "&last_name=%E9%A9%AC&description=%E8%BA%AB%E4%BB%BD%E8%AF%81%E5%88%B0%E6%9C%9F",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get(0).get("service_request_id").asString();

        var json = as(system).get("/open311/v2/requests/" + id + ".json");
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        assertThat(json.json().get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(json.json().get(0).get("status").asString()).isEqualTo("open");
        var xml = as(system).get("/open311/v2/requests/" + id + ".xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.header("Content-Type")).startsWith("application/xml");
        assertThat(xml.text()).contains("<service_requests><request><service_request_id>" + id + "</service_request_id>");

        assertThat(as(system).get("/open311/v2/requests.json").json().valueStream()
                .map(r -> r.get("service_request_id").asString()).toList()).contains(id);
        assertThat(as(system).get("/open311/v2/requests.xml").text()).contains(id);
        String other = TestUsers.system("someone-else", "petition.read", "petition.write");
        assertThat(as(other).get("/open311/v2/requests/" + id + ".json").status()).isEqualTo(404);
        assertThat(as(other).get("/open311/v2/requests.json").text()).doesNotContain(id);
    }

    @Test
    void theAgencyAskedReadsAndAnswersItsQuestionAndNothingElseOfTheRequest() {
        String id = new RequestFixtures(port).inState("citizen-yang", RequestState.ACCEPTED).get("id").asString();
        JsonNode asked = step(LICHUAN_CLERK, id, "assistance", "{\"agency\":\"乌海市公安局新华派出所\","
                + "\"question\":\"请核实杨某某1999年前的户籍登记\",\"timeLimit\":\"5WD\",\"agencyClientId\":\"wuhai-xinhua\"}");
        String assistanceId = asked.get("assistance").get(0).get("id").asString();
        String wuhai = TestUsers.system("wuhai-xinhua", "petition.read", "petition.write");
        String other = TestUsers.system("tax-bureau", "petition.read", "petition.write");

        var mine = as(wuhai).get("/api/assistance-questions?state=ASKED");
        assertThat(mine.status()).as(mine.text()).isEqualTo(200);
        JsonNode question = mine.json().get("items").valueStream()
                .filter(q -> q.get("id").asString().equals(assistanceId)).findFirst().orElseThrow();
        assertThat(question.get("question").asString()).isEqualTo("请核实杨某某1999年前的户籍登记");
        assertThat(question.get("requestId").asString()).isEqualTo(id);
        assertThat(mine.text()).as("nothing of the applicant").doesNotContain("杨*国").doesNotContain("0123");
        assertThat(as(wuhai).get("/api/assistance-questions/" + assistanceId).status()).isEqualTo(200);
        assertThat(as(wuhai).get("/api/service-requests/" + id).status()).as("nothing else").isEqualTo(404);

        assertThat(as(other).get("/api/assistance-questions/" + assistanceId).status()).isEqualTo(404);
        assertThat(as(other).get("/api/assistance-questions").text()).doesNotContain(assistanceId);
        String reply = "{\"reply\":\"经核实，已注销\",\"confirmed\":true}";
        String replyPath = "/api/service-requests/" + id + "/assistance/" + assistanceId + "/reply";
        assertThat(as(other).post(replyPath, reply).status()).isEqualTo(404);

        var answered = as(wuhai).post(replyPath, reply);
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        assertThat(as(wuhai).get("/api/assistance-questions/" + assistanceId).json().get("state").asString())
                .isEqualTo("ANSWERED");
        assertThat(as(LICHUAN_CLERK).get("/api/service-requests/" + id).json().get("waitingFor")).isEmpty();
    }

    /** The group of {@code key} in a service-levels answer (a bare list, or a page of them). */
    static JsonNode level(JsonNode levels, String key) {
        JsonNode list = levels.isArray() ? levels : levels.get("items");
        return list.valueStream().filter(l -> key.equals(l.get("key").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key + " in " + levels));
    }
}
