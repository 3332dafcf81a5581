package org.tanchang.grid.gridservice.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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

/**
 * Must-visit points and routes planned for a member; a report's track reaches some points and walks part of a route;
 * when the window closes the misses are published once. The sweep is called with an explicit instant (the scheduled
 * run uses the injectable Clock), so the test never waits for the wall clock.
 */
@ServiceIntegrationTest
class PatrolPlanFlowTest {

    static final String GRID = TestUsers.YANGJIA_GRID;

    @LocalServerPort
    int port;

    @Autowired
    CheckpointSweep sweep;

    @Autowired
    MongoTemplate mongo;

    private ApiClient officer() {
        return ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
    }

    private String create(String path, String body) {
        var created = officer().post(path, body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static ApiClient.Response put(ApiClient api, String path, String body) {
        return api.send("PUT", path, body, "Content-Type", "application/json");
    }

    private List<ConsumerRecord<String, String>> planEvents(String planId) {
        return TestEvents.readAll(Topics.PATROL_PLANS, Duration.ofMillis(800)).stream()
                .filter(r -> planId.equals(r.key())).toList();
    }

    @Test
    void aReportReachesPointsOnItsTrackCoversPartOfTheRouteAndTheMissIsPublishedOnceWhenTheWindowCloses() {
        String member = "member-" + UUID.randomUUID();
        // the window lies ahead of the wall clock, so the scheduled sweep (real clock) never closes it mid-test
        // the track walks east along 34.05 from 104.380 to 104.386 (~550 m)
        String reached = create("/api/patrol-points", """
                {"gridCode":"%s","name":"村委会","location":{"longitude":104.383,"latitude":34.0503}}""".formatted(GRID));
        String missed = create("/api/patrol-points", """
                {"gridCode":"%s","name":"药材仓库","location":{"longitude":104.383,"latitude":34.0510},
                 "radiusMetres":50}""".formatted(GRID));
        // a route of ~1,100 m east along the track's line: about half of it walked
        String route = create("/api/patrol-routes", """
                {"gridCode":"%s","name":"村道","line":[{"longitude":104.380,"latitude":34.05},
                 {"longitude":104.392,"latitude":34.05}]}""".formatted(GRID));
        String plan = create("/api/patrol-plans", """
                {"gridCode":"%s","memberId":"%s","windowStart":"2099-04-01T19:00:00+08:00",
                 "windowEnd":"2099-04-01T22:00:00+08:00","pointIds":["%s","%s"],"routeIds":["%s"]}"""
                .formatted(GRID, member, reached, missed, route));

        var report = ApiClient.local(port).withToken(TestUsers.token(member, "GRID_MEMBER", GRID))
                .post("/api/patrol-reports", """
                {"gridCode":"%s","startedAt":"2099-04-01T19:30:00+08:00","endedAt":"2099-04-01T20:30:00+08:00",
                 "findings":[{"kind":"CARE","description":"独居老人家中无人","photoUrls":["https://files.example/1.jpg"],
                              "peopleConcerned":["王秀英"]}],
                 "track":[{"longitude":104.380,"latitude":34.05,"at":"2099-04-01T19:35:00+08:00"},
                          {"longitude":104.386,"latitude":34.05,"at":"2099-04-01T20:20:00+08:00"}]}""".formatted(GRID));

        assertThat(report.status()).as(report.text()).isEqualTo(201);
        assertThat(report.json().get("checkpointsReached").get(0).asString()).isEqualTo(reached);
        assertThat(report.json().get("checkpointsReached").size()).isEqualTo(1);
        assertThat(report.json().get("routeCoverage").asDouble()).isBetween(0.50, 0.56);
        assertThat(report.json().get("findings").get(0).get("peopleConcerned").get(0).asString())
                .isNotEqualTo("王秀英").startsWith("王");
        String reportId = report.json().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> TestEvents.readAll(Topics.PATROL_REPORTS,
                Duration.ofMillis(500)).stream().anyMatch(r -> reportId.equals(r.key())));
        String event = TestEvents.readAll(Topics.PATROL_REPORTS, Duration.ofMillis(500)).stream()
                .filter(r -> reportId.equals(r.key())).findFirst().orElseThrow().value();
        assertThat(event).contains("\"checkpointsReached\":[\"" + reached + "\"]", "\"routeCoverage\":0.5",
                "\"photoUrls\":[\"https://files.example/1.jpg\"]", "\"peopleConcerned\":[\"王秀英\"]");

        JsonNode open = officer().get("/api/patrol-plans/" + plan).json();
        assertThat(open.get("reachedPointIds").get(0).asString()).isEqualTo(reached);
        assertThat(open.get("routeCoverage").get(route).asDouble()).isBetween(0.50, 0.56);
        assertThat(open.get("closed").asBoolean()).isFalse();

        sweep.sweep(Instant.parse("2099-04-01T13:59:00Z"));   // 21:59 in county time: still open
        assertThat(officer().get("/api/patrol-plans/" + plan).json().get("closed").asBoolean()).isFalse();
        sweep.sweep(Instant.parse("2099-04-01T14:00:00Z"));
        sweep.sweep(Instant.parse("2099-04-01T15:00:00Z"));   // a second sweep publishes nothing more

        JsonNode closed = officer().get("/api/patrol-plans/" + plan).json();
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("missedPointIds").get(0).asString()).isEqualTo(missed);
        await().atMost(Duration.ofSeconds(20)).until(() -> !planEvents(plan).isEmpty());
        List<ConsumerRecord<String, String>> misses = planEvents(plan);
        assertThat(misses).hasSize(1);
        assertThat(TestEvents.header(misses.get(0), "ce_type")).isEqualTo("org.tanchang.grid.grid.CheckpointMissed.v1");
        assertThat(TestEvents.header(misses.get(0), "ce_traceparent")).as("a schedule starts a trace of its own")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(misses.get(0).value()).contains("\"checkpointId\":\"" + missed + "\"",
                "\"checkpointName\":\"药材仓库\"", "\"memberId\":\"" + member + "\"",
                "\"windowEnd\":\"2099-04-01T22:00:00+08:00\"");
    }

    @Test
    void aReportWithoutAnOpenPlanHasNoCoverage() {
        var report = ApiClient.local(port).withToken(TestUsers.token("m-" + UUID.randomUUID(), "GRID_MEMBER", GRID))
                .post("/api/patrol-reports", """
                {"gridCode":"%s","startedAt":"2026-04-02T09:00:00+08:00","endedAt":"2026-04-02T10:00:00+08:00",
                 "track":[{"longitude":104.383,"latitude":34.0503,"at":"2026-04-02T09:30:00+08:00"}]}""".formatted(GRID));

        assertThat(report.status()).isEqualTo(201);
        assertThat(report.json().get("checkpointsReached").size()).isZero();
        assertThat(report.json().get("routeCoverage").isNull()).isTrue();
    }

    @Test
    void pointsAndRoutesAreChangedInPlaceWithinTheirGridAndBadChangesChangeNothing() {
        String point = create("/api/patrol-points", """
                {"gridCode":"%s","name":"村委会","location":{"longitude":104.385,"latitude":34.05}}""".formatted(GRID));
        String route = create("/api/patrol-routes", """
                {"gridCode":"%s","name":"村道一号线","line":[{"longitude":104.37,"latitude":34.04},
                 {"longitude":104.38,"latitude":34.04}]}""".formatted(GRID));
        ApiClient otherTownship = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.MUER));

        var moved = put(officer(), "/api/patrol-points/" + point, """
                {"name":"村委会广场","location":{"longitude":104.386,"latitude":34.051},"radiusMetres":80,
                 "keyPeriods":["20:00-23:00"]}""");
        var rerouted = put(officer(), "/api/patrol-routes/" + route, """
                {"name":"村道二号线","line":[{"longitude":104.37,"latitude":34.04},{"longitude":104.37,"latitude":34.05}]}""");

        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(rerouted.status()).as(rerouted.text()).isEqualTo(200);
        JsonNode points = officer().get("/api/patrol-points?gridCode=" + GRID + "&size=100").json().get("items");
        JsonNode stored = null;
        for (JsonNode p : points) {
            if (p.get("id").asString().equals(point)) {
                stored = p;
            }
        }
        assertThat(stored).isNotNull();
        assertThat(stored.get("name").asString()).isEqualTo("村委会广场");
        assertThat(stored.get("radiusMetres").asDouble()).isEqualTo(80);
        assertThat(stored.get("gridCode").asString()).isEqualTo(GRID);
        assertThat(rerouted.json().get("name").asString()).isEqualTo("村道二号线");
        assertThat(rerouted.json().get("lengthMetres").asDouble()).as("1/100 degree of latitude").isBetween(1100.0,
                1120.0);

        var outsideGrid = put(officer(), "/api/patrol-points/" + point, """
                {"name":"x","location":{"longitude":104.44,"latitude":34.05}}""");
        var badPoint = put(officer(), "/api/patrol-points/" + point, """
                {"name":"","location":{"longitude":104.385,"latitude":95},"keyPeriods":["25:00-26:00"]}""");
        var shortRoute = put(officer(), "/api/patrol-routes/" + route, """
                {"name":"x","line":[{"longitude":104.37,"latitude":34.04}]}""");
        var notTheirs = put(otherTownship, "/api/patrol-points/" + point, """
                {"name":"x","location":{"longitude":104.385,"latitude":34.05}}""");
        var unknown = put(officer(), "/api/patrol-routes/prt-none", """
                {"name":"x","line":[{"longitude":104.37,"latitude":34.04},{"longitude":104.37,"latitude":34.05}]}""");

        assertThat(outsideGrid.status()).isEqualTo(422);
        assertThat(badPoint.status()).isEqualTo(400);
        assertThat(badPoint.json().get("errors").findValuesAsString("field")).contains("name", "location.latitude",
                "keyPeriods[0]");
        assertThat(shortRoute.status()).isEqualTo(400);
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(mongo.findById(point, org.bson.Document.class, "patrol_points").getString("name"))
                .as("refused changes changed nothing").isEqualTo("村委会广场");
        assertThat(mongo.findById(route, org.bson.Document.class, "patrol_routes").getString("name"))
                .isEqualTo("村道二号线");
    }

    @Test
    void badPatrolDesignIsRefusedAndNothingIsStored() {
        long points = mongo.getCollection("patrol_points").countDocuments();
        long plans = mongo.getCollection("patrol_plans").countDocuments();

        var noName = officer().post("/api/patrol-points", """
                {"gridCode":"%s","name":"","location":{"longitude":104.383,"latitude":95},"radiusMetres":0,
                 "keyPeriods":["25:00-26:00"]}""".formatted(GRID));
        var outsideGrid = officer().post("/api/patrol-points", """
                {"gridCode":"%s","name":"x","location":{"longitude":104.44,"latitude":34.05}}""".formatted(GRID));
        var otherTownship = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.MUER))
                .post("/api/patrol-points", """
                {"gridCode":"%s","name":"x","location":{"longitude":104.383,"latitude":34.05}}""".formatted(GRID));
        var shortRoute = officer().post("/api/patrol-routes", """
                {"gridCode":"%s","name":"x","line":[{"longitude":104.383,"latitude":34.05}]}""".formatted(GRID));
        var backwards = officer().post("/api/patrol-plans", """
                {"gridCode":"%s","memberId":"m","windowStart":"2026-04-01T22:00:00+08:00",
                 "windowEnd":"2026-04-01T19:00:00+08:00","pointIds":["x"]}""".formatted(GRID));
        var unknownPoint = officer().post("/api/patrol-plans", """
                {"gridCode":"%s","memberId":"m","windowStart":"2026-04-01T19:00:00+08:00",
                 "windowEnd":"2026-04-01T22:00:00+08:00","pointIds":["pp-none"]}""".formatted(GRID));
        var missingPlan = officer().get("/api/patrol-plans/ppl-none");

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").findValuesAsString("field")).contains("name", "location.latitude",
                "radiusMetres", "keyPeriods[0]");
        assertThat(outsideGrid.status()).isEqualTo(422);
        assertThat(outsideGrid.json().get("detail").asString()).contains("621223101002001");
        assertThat(otherTownship.status()).isEqualTo(403);
        assertThat(shortRoute.status()).isEqualTo(400);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(unknownPoint.status()).isEqualTo(422);
        assertThat(missingPlan.status()).isEqualTo(404);
        assertThat(mongo.getCollection("patrol_points").countDocuments()).isEqualTo(points);
        assertThat(mongo.getCollection("patrol_plans").countDocuments()).isEqualTo(plans);
    }
}
