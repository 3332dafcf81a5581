package org.tanchang.grid.gridservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
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

/** The responsibility roster answers who held each post on a given day, and publishes every change. */
@ServiceIntegrationTest
class RosterTest {

    /**
     * A grid of 理川镇 of the roster tests' own, far from the map: every demo grid has its demo roster from the start,
     * and these tests own the whole history of theirs.
     */
    static final String GRID = "621223101090001";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void ownGrid() {
        ApiClient admin = ApiClient.local(port).withToken(TestUsers.admin());
        admin.post("/api/areas", "{\"code\":\"" + GRID.substring(0, 12) + "\",\"name\":\"名册村\"}");
        if (admin.get("/api/grids/" + GRID).status() == 404) {
            assertThat(admin.post("/api/grids", GridTestData.createGrid(GRID, "名册网格",
                    GridTestData.square(106.2, 35.2, 0.02))).status()).isEqualTo(201);
        }
    }

    private ApiClient supervisor() {
        return ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.LICHUAN));
    }

    private JsonNode on(String day) {
        return supervisor().get("/api/areas/" + GRID + "/roster?on=" + day).json().get("items");
    }

    private List<ConsumerRecord<String, String>> events() {
        return TestEvents.readAll(Topics.ROSTER, Duration.ofMillis(800)).stream().filter(r -> GRID.equals(r.key()))
                .toList();
    }

    @Test
    void theRosterAnswersWhoWasResponsibleOnAGivenDay() {
        var wang = supervisor().post("/api/areas/" + GRID + "/roster",
                GridTestData.assignment("RESPONSIBLE_OFFICER", "officer.wang", "2025-01-01", null));
        var li = supervisor().post("/api/areas/" + GRID + "/roster",
                GridTestData.assignment("RESPONSIBLE_OFFICER", "officer.li", "2026-01-05", null));
        var leaderA = supervisor().post("/api/areas/" + GRID + "/roster",
                GridTestData.assignment("TEN_HOUSEHOLD_LEADER", "leader.a", "2025-06-01", null));
        var leaderB = supervisor().post("/api/areas/" + GRID + "/roster",
                GridTestData.assignment("TEN_HOUSEHOLD_LEADER", "leader.b", "2025-06-01", "2026-01-04"));

        assertThat(List.of(wang.status(), li.status(), leaderA.status(), leaderB.status())).containsOnly(201);
        assertThat(wang.header("Location")).startsWith("/api/roster-assignments/ra-");

        JsonNode jan4 = on("2026-01-04");
        assertThat(jan4.findValuesAsString("personId")).containsExactlyInAnyOrder("officer.wang", "leader.a",
                "leader.b");
        JsonNode jan5 = on("2026-01-05");
        assertThat(jan5.findValuesAsString("personId")).containsExactlyInAnyOrder("officer.li", "leader.a");
        assertThat(on("2024-12-31").size()).isZero();
        JsonNode history = supervisor().get("/api/areas/" + GRID + "/roster").json();
        assertThat(history.get("items").size()).isEqualTo(4);
        assertThat(history.get("total").asLong()).as("one list shape").isEqualTo(4);
        // the new responsible officer ended the previous one's term the day before
        JsonNode wangNow = on("2025-03-01").get(0);
        assertThat(wangNow.get("validTo").asString()).isEqualTo("2026-01-04");
        assertThat(wangNow.get("version").asLong()).isEqualTo(2);

        var ended = supervisor().post("/api/roster-assignments/" + leaderA.json().get("id").asString() + "/end",
                "{\"validTo\":\"2026-01-31\"}");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(on("2026-02-01").findValuesAsString("personId")).containsExactly("officer.li");

        await().atMost(Duration.ofSeconds(20)).until(() -> events().size() >= 6);
        assertThat(events()).extracting(e -> TestEvents.eventName(e)).containsOnly("RosterAssignmentChanged");
        assertThat(events()).extracting(ConsumerRecord::value).anyMatch(v -> v.contains("\"personId\":\"officer.wang\"")
                && v.contains("\"validTo\":\"2026-01-04\"") && v.contains("\"version\":2"));
    }

    @Test
    void badRosterInputIsRefusedAndNothingIsStored() {
        long before = mongo.getCollection("roster_assignments").countDocuments();

        var backwards = supervisor().post("/api/areas/" + GRID + "/roster",
                GridTestData.assignment("RESIDENT_CADRE", "cadre", "2026-02-01", "2026-01-01"));
        var unknownRole = supervisor().post("/api/areas/" + GRID + "/roster",
                GridTestData.assignment("KING", "cadre", "2026-02-01", null));
        var badCode = supervisor().post("/api/areas/12/roster",
                GridTestData.assignment("RESIDENT_CADRE", "cadre", "2026-02-01", null));
        var missingArea = supervisor().post("/api/areas/621223101099/roster",
                GridTestData.assignment("RESIDENT_CADRE", "cadre", "2026-02-01", null));
        var otherTownship = ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.MUER))
                .post("/api/areas/" + GRID + "/roster",
                        GridTestData.assignment("RESIDENT_CADRE", "cadre", "2026-02-01", null));
        var badDay = supervisor().get("/api/areas/" + GRID + "/roster?on=yesterday");
        var endMissing = supervisor().post("/api/roster-assignments/ra-none/end", "{\"validTo\":\"2026-01-31\"}");
        var endWithoutDay = supervisor().post("/api/roster-assignments/ra-none/end", "{}");

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(missingArea.status()).isEqualTo(404);
        assertThat(otherTownship.status()).isEqualTo(403);
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(endMissing.status()).isEqualTo(404);
        assertThat(endWithoutDay.status()).isEqualTo(400);
        assertThat(mongo.getCollection("roster_assignments").countDocuments()).isEqualTo(before);
    }
}
