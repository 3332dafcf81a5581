package org.tanchang.grid.gridservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tanchang.grid.contracts.mediation.DisputeOpened;
import org.tanchang.grid.contracts.mediation.DisputeStateChanged;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * An administrator repairs damaged statistics by rebuilding them from the topics, and follows the rebuild's
 * progress. Dated August 2027 in 大舍村, where no other test puts anything.
 */
@ServiceIntegrationTest
class StatisticsRebuildApiTest {

    static final String GRID = TestUsers.DASHE_GRID;
    static final OffsetDateTime AUGUST = OffsetDateTime.parse("2027-08-10T10:00:00+08:00");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private ApiClient admin() {
        return ApiClient.local(port).withToken(TestUsers.admin());
    }

    private JsonNode august() {
        return admin().get("/api/area-statistics/" + GRID + "?period=MONTH&on=2027-08-20").json().get("counts");
    }

    @Test
    void aRebuildFromTheTopicsRepairsDamagedFiguresAndReportsItsProgress() {
        String dispute = "d-aug-" + UUID.randomUUID();
        TestEvents.publish(DisputeOpened.TYPE, UUID.randomUUID().toString(), dispute, new DisputeOpened(dispute, GRID,
                "PATROL", null, "灌溉用水", AUGUST));
        TestEvents.publish(DisputeStateChanged.TYPE, UUID.randomUUID().toString(), dispute, new DisputeStateChanged(
                dispute, GRID, "WATER", "MEDIATING", "AGREED", "GRID", "mediator.muer", AUGUST.plusDays(1), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> august().path("disputesResolved").asDouble() == 1);
        // the damage: a counter inflated and a day lost, as a faulty release might leave them
        Query august = Query.query(Criteria.where("gridCode").is(GRID).and("day").is("2027-08-10"));
        mongo.updateMulti(august, new Update().inc("counts.disputesOpened", 5), "grid_days");
        mongo.remove(Query.query(Criteria.where("gridCode").is(GRID).and("day").is("2027-08-11")), "grid_days");
        assertThat(august().path("disputesOpened").asDouble()).isEqualTo(6);
        assertThat(august().has("disputesResolved")).isFalse();

        var started = admin().post("/api/statistics/rebuild", "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).isEqualTo("/api/statistics/rebuild/" + started.json().get("id").asString());
        await().atMost(Duration.ofSeconds(60)).until(() -> !admin().get(location).json().get("state").asString()
                .matches("REPLAYING|PROMOTING"));
        JsonNode done = admin().get(location).json();
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("recordsRead").asLong()).isEqualTo(done.get("recordsTotal").asLong()).isGreaterThan(1);
        assertThat(done.get("requestedBy").asString()).isEqualTo("admin");
        assertThat(done.get("finishedAt").isNull()).isFalse();

        JsonNode repaired = august();
        assertThat(repaired.get("disputesOpened").asDouble()).isEqualTo(1);
        assertThat(repaired.get("disputesResolved").asDouble()).isEqualTo(1);
        assertThat(repaired.get("dispute_AGREED").asDouble()).isEqualTo(1);
        assertThat(mongo.getCollectionNames()).noneMatch(name -> name.startsWith("rebuild_"));

        // still counted once after the rebuild: a redelivery of an event the rebuild replayed
        String later = UUID.randomUUID().toString();
        TestEvents.publish(DisputeOpened.TYPE, later, "d-aug-2", new DisputeOpened("d-aug-2", GRID, "PATROL", null,
                "宅基地", AUGUST.plusDays(2)));
        TestEvents.publish(DisputeOpened.TYPE, later, "d-aug-2", new DisputeOpened("d-aug-2", GRID, "PATROL", null,
                "宅基地", AUGUST.plusDays(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> august().path("disputesOpened").asDouble() >= 2);
        assertThat(august().get("disputesOpened").asDouble()).isEqualTo(2);
    }

    @Test
    void onlyACountyWideAdministratorRebuildsAndUnknownRebuildsAreNotFound() {
        ApiClient townshipAdmin = ApiClient.local(port).withToken(TestUsers.token("admin-muer", "ADMIN",
                TestUsers.MUER));
        ApiClient supervisor = ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.COUNTY));

        assertThat(townshipAdmin.post("/api/statistics/rebuild", "").status()).isEqualTo(403);
        assertThat(supervisor.post("/api/statistics/rebuild", "").status()).isEqualTo(403);
        assertThat(ApiClient.local(port).post("/api/statistics/rebuild", "").status()).isEqualTo(401);
        var unknown = admin().get("/api/statistics/rebuild/no-such-rebuild");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).contains("application/problem+json");
    }
}
