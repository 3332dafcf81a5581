package org.tanchang.grid.cases.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.cases.incident.Walk;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** The seed's incident stories, carried through the API from the first report to a verified closure. */
@ServiceIntegrationTest
class SeedStoriesIntegrationTest {

    /** A valid identity number (check character 4) of the buyer. */
    private static final String BUYER_ID = "620521198003150014";

    @LocalServerPort
    int port;

    @Test
    void herbsStolenFromTheFieldFoundOnPatrolAreHandledToAVerifiedClosure() {
        Walk walk = new Walk(port, "po-wang-hai-" + UUID.randomUUID(), "citizen-herb");
        String reportId = "pr-" + UUID.randomUUID();
        OffsetDateTime ended = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
        TestEvents.publish(PatrolReportSubmitted.TYPE, UUID.randomUUID().toString(), reportId,
                new PatrolReportSubmitted(reportId, Walk.GRID, "杨家村第一网格", "621223101", "gm-li-jianguo", "李建国",
                        ended.minusHours(2), ended, new ResponsibleOfficer("po-wang-hai", "王海"), List.of(
                        new PatrolFinding(0, FindingKind.INCIDENT, "药材地里的当归被盗约200公斤，地边有三轮车车辙",
                                new GeoPoint(104.3948, 34.0472)))));
        String id = await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode found = walk.officer().get("/api/incidents?sourceReference=" + reportId).json();
            return found.get("total").asLong() == 1 ? found.get("items").get(0).get("id").asString() : null;
        }, found -> found != null);
        String incident = "/api/incidents/" + id;

        assertThat(walk.officer().post(incident + "/register",
                "{\"type\":\"HERB_THEFT\",\"subType\":\"FIELD\",\"urgency\":\"URGENT\",\"remark\":\"属实\"}").status())
                .isEqualTo(200);
        for (String action : List.of("dispatch", "accept", "start")) {
            assertThat(walk.take(id, action).status()).as(action).isEqualTo(200);
        }
        assertThat(walk.officer().post(incident + "/evidence", "{\"url\":\"https://files.tanchang.example/e/tracks.jpg\","
                + "\"type\":\"PHOTO\",\"sha256\":\"" + "3c".repeat(32) + "\",\"description\":\"地边三轮车车辙\"}")
                .status()).isEqualTo(200);
        assertThat(walk.officer().post(incident + "/resolve", "{\"remark\":\"嫌疑人落网，追回当归180公斤\"}").status())
                .isEqualTo(200);
        assertThat(walk.take(id, "verify").status()).isEqualTo(200);
        JsonNode closed = walk.take(id, "close").json();

        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("type").asString()).isEqualTo("HERB_THEFT");
        assertThat(closed.get("source").asString()).isEqualTo("PATROL_FINDING");
        assertThat(closed.get("timeline").findValuesAsString("action")).containsExactly("report", "register",
                "dispatch", "accept", "start", "add-evidence", "resolve", "verify", "close");
        assertThat(closed.get("timeline").get(0).get("actor").asString()).isEqualTo("gm-li-jianguo");
        assertThat(closed.get("details").get("evidence").get(0).get("sha256").asString()).isEqualTo("3c".repeat(32));
    }

    @Test
    void theBuyerWhoUnderpaidIsTracedByLicencePlateAndTheMoneyRecovered() {
        Walk walk = new Walk(port, "po-zhao-" + UUID.randomUUID(), "citizen-farmer-" + UUID.randomUUID());
        String plate = "甘J" + String.format("%05d", (int) (Math.random() * 100_000));
        var created = walk.officer().post("/api/incidents", "{\"source\":\"WALK_IN\",\"gridCode\":\"" + Walk.GRID
                + "\",\"description\":\"收购商收购党参后少付货款2000元，开白色货车离开\",\"type\":"
                + "\"TRADE_DISPUTE_PAYMENT_RECOVERY\",\"subType\":\"UNDERPAYMENT\",\"citizenId\":\""
                + walk.citizenId() + "\",\"reporter\":{\"name\":\"杨大山\",\"phone\":\"13900001111\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String incident = "/api/incidents/" + id;
        for (String action : List.of("register", "dispatch", "accept", "start")) {
            assertThat(walk.take(id, action).status()).as(action).isEqualTo(200);
        }
        var badPlate = walk.officer().post(incident + "/vehicles", "{\"plate\":\"GAN-J-123\"}");
        assertThat(walk.officer().post(incident + "/vehicles", "{\"plate\":\"" + plate + "\",\"description\":\"白色货车\"}")
                .status()).isEqualTo(200);
        var buyer = walk.officer().post(incident + "/persons", "{\"role\":\"SUSPECT\",\"name\":\"马某\","
                + "\"idNumber\":\"" + BUYER_ID + "\",\"phone\":\"13712345678\"}");
        assertThat(buyer.status()).as(buyer.text()).isEqualTo(200);
        assertThat(buyer.text()).doesNotContain(BUYER_ID, "13712345678", "马某");
        assertThat(buyer.json().get("details").get("persons").get(0).get("idNumber").asString())
                .isEqualTo("620521********0014");
        assertThat(walk.officer().get("/api/incidents?personIdNumber=" + BUYER_ID).json().get("items")
                .findValuesAsString("id")).contains(id);
        assertThat(walk.officer().send("PUT", incident + "/money", "{\"amountInvolvedFen\":200000}",
                "Content-Type", "application/json").status()).isEqualTo(200);

        JsonNode traced = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN))
                .get("/api/incidents?plate=" + java.net.URLEncoder.encode(plate, java.nio.charset.StandardCharsets.UTF_8))
                .json();
        var tooMuch = walk.officer().send("PUT", incident + "/money", "{\"amountRecoveredFen\":200001}",
                "Content-Type", "application/json");
        JsonNode recovered = walk.officer().send("PUT", incident + "/money", "{\"amountRecoveredFen\":200000}",
                "Content-Type", "application/json").json();
        for (String action : List.of("resolve", "verify", "close", "evaluate")) {
            assertThat(walk.take(id, action).status()).as(action).isEqualTo(200);
        }
        JsonNode rated = walk.citizen().get(incident).json();

        assertThat(badPlate.status()).isEqualTo(400);
        assertThat(badPlate.json().get("errors").findValuesAsString("field")).containsExactly("plate");
        assertThat(traced.get("items").findValuesAsString("id")).containsExactly(id);
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(recovered.get("details").get("amountInvolvedFen").asLong()).isEqualTo(200000);
        assertThat(recovered.get("details").get("amountRecoveredFen").asLong()).isEqualTo(200000);
        assertThat(rated.get("state").asString()).isEqualTo("EVALUATED");
        assertThat(rated.get("rating").asInt()).isEqualTo(5);
        assertThat(rated.get("reporter").get("phone").asString()).isEqualTo("139****1111");
    }
}
