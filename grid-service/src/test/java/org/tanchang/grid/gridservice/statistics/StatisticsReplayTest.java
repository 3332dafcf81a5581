package org.tanchang.grid.gridservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.incident.IncidentOpened;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.contracts.mediation.DisputeOpened;
import org.tanchang.grid.contracts.mediation.DisputeStateChanged;
import org.tanchang.grid.contracts.mediation.FollowUpVisitCompleted;
import org.tanchang.grid.contracts.patrol.CheckpointMissed;
import org.tanchang.grid.contracts.petition.RequestDeadlineBreached;
import org.tanchang.grid.contracts.petition.RequestRated;
import org.tanchang.grid.contracts.petition.RequestStateChanged;
import org.tanchang.grid.contracts.petition.RequestSubmitted;
import org.tanchang.grid.platform.security.AreaScope;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The statistics are fed by the events of every service, count each event once, give trends against the previous
 * period, and a rebuild from the topics into empty collections gives the same figures as the live run. The events
 * are dated in May 2027 in 大舍村, where no other test puts anything.
 */
@ServiceIntegrationTest
class StatisticsReplayTest {

    static final String GRID = TestUsers.DASHE_GRID;
    static final OffsetDateTime MAY = OffsetDateTime.parse("2027-05-10T10:00:00+08:00");
    static final OffsetDateTime APRIL = OffsetDateTime.parse("2027-04-10T10:00:00+08:00");

    @LocalServerPort
    int port;

    @Autowired
    StatisticsRebuild rebuild;

    @Autowired
    AreaStatistics statistics;

    private JsonNode may(String area) {
        return ApiClient.local(port).withToken(TestUsers.admin())
                .get("/api/area-statistics/" + area + "?period=MONTH&on=2027-05-20").json();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private void report(OffsetDateTime end) {
        var filed = ApiClient.local(port).withToken(TestUsers.gridMember(GRID)).post("/api/patrol-reports", """
                {"gridCode":"%s","startedAt":"%s","endedAt":"%s","findings":[{"kind":"DISPUTE","description":"地界纠纷"}]}
                """.formatted(GRID, end.minusHours(1), end));
        assertThat(filed.status()).isEqualTo(201);
    }

    @Test
    void everyServicesEventsAreCountedOnceWithTrendsAndARebuildGivesTheSameFigures() {
        report(MAY);
        report(MAY.plusDays(1));
        report(APRIL);
        String dispute = "d-" + id();
        TestEvents.publish(DisputeOpened.TYPE, id(), dispute, new DisputeOpened(dispute, GRID, "PATROL", "pr-1",
                "地界纠纷", MAY));
        TestEvents.publish(DisputeOpened.TYPE, id(), "d-april-1", new DisputeOpened("d-april-1", GRID, "PATROL",
                "pr-2", "牛踩药苗", APRIL));
        TestEvents.publish(DisputeOpened.TYPE, id(), "d-april-2", new DisputeOpened("d-april-2", GRID, "PATROL",
                "pr-3", "宅基地", APRIL));
        String resolved = id();
        TestEvents.publish(DisputeStateChanged.TYPE, resolved, dispute, new DisputeStateChanged(dispute, GRID,
                "LAND", "MEDIATING", "FULFILLED", "GRID", "mediator.muer", MAY.plusDays(2), "已履行"));
        // the same event delivered twice counts once
        TestEvents.publish(DisputeStateChanged.TYPE, resolved, dispute, new DisputeStateChanged(dispute, GRID,
                "LAND", "MEDIATING", "FULFILLED", "GRID", "mediator.muer", MAY.plusDays(2), "已履行"));
        TestEvents.publish(FollowUpVisitCompleted.TYPE, id(), "v-1", new FollowUpVisitCompleted("v-1", dispute, GRID,
                "member.dashe", "李某", true, false, LocalDate.of(2027, 5, 15)));
        TestEvents.publish(IncidentOpened.TYPE, id(), "i-1", new IncidentOpened("i-1", "621223-20270510-0001", GRID,
                "PATROL", "pr-1", "药材被盗", null, MAY));
        TestEvents.publish(IncidentStateChanged.TYPE, id(), "i-1", new IncidentStateChanged("i-1",
                "621223-20270510-0001", GRID, "621223102", "THEFT", "VERIFIED", "CLOSED", "officer.muer", "赵志强",
                MAY.plusDays(3), "结案", "officer.muer", null));
        TestEvents.publish(CheckpointMissed.TYPE, id(), "ppl-1", new CheckpointMissed("ppl-1", "pp-1", "村委会", GRID,
                "member.dashe", MAY.minusHours(3), MAY));
        String request = "r-" + id();
        TestEvents.publish(RequestSubmitted.TYPE, id(), request, new RequestSubmitted(request, "621223-R-1", "HUKOU",
                "户口迁移", "WINDOW", "citizen-1", GRID, "station-muer", MAY, MAY.plusDays(5)));
        TestEvents.publish(RequestStateChanged.TYPE, id(), request, new RequestStateChanged(request, "621223-R-1",
                "HUKOU", "citizen-1", "station-muer", "IN_PROCESS", "COMPLETED", "clerk.muer", MAY.plusDays(1), null,
                List.of()));
        TestEvents.publish(RequestDeadlineBreached.TYPE, id(), request, new RequestDeadlineBreached(request,
                "621223-R-1", "HUKOU", "station-muer", "COMPLETION", DeadlineFlag.YELLOW, MAY.plusDays(1), "clerk"));
        TestEvents.publish(RequestRated.TYPE, id(), request, new RequestRated(request, "621223-R-1", "HUKOU",
                "station-muer", GRID, 4, MAY.plusDays(2)));

        await().atMost(Duration.ofSeconds(30)).until(() -> may(GRID).get("counts").size() >= 14
                && may(GRID).get("counts").path("ratings").asDouble() == 1);
        JsonNode grid = may(GRID);
        JsonNode counts = grid.get("counts");
        assertThat(counts.get("patrolReports").asDouble()).isEqualTo(2);
        assertThat(counts.get("finding_DISPUTE").asDouble()).isEqualTo(2);
        assertThat(counts.get("disputesOpened").asDouble()).isEqualTo(1);
        assertThat(counts.get("dispute_FULFILLED").asDouble()).isEqualTo(1);
        assertThat(counts.get("followUpVisits").asDouble()).isEqualTo(1);
        assertThat(counts.get("incidentsOpened").asDouble()).isEqualTo(1);
        assertThat(counts.get("incident_CLOSED").asDouble()).isEqualTo(1);
        assertThat(counts.get("checkpointsMissed").asDouble()).isEqualTo(1);
        assertThat(counts.get("requestsSubmitted").asDouble()).isEqualTo(1);
        assertThat(counts.get("request_COMPLETED").asDouble()).as("placed by the request's submission").isEqualTo(1);
        assertThat(counts.get("deadline_YELLOW").asDouble()).isEqualTo(1);
        assertThat(grid.get("derived").get("averageRating").asDouble()).isEqualTo(4.0);
        assertThat(grid.get("derived").get("satisfactionRate").asDouble()).isEqualTo(1.0);
        assertThat(grid.get("from").asString()).isEqualTo("2027-05-01");
        assertThat(grid.get("previous").get("counts").get("disputesOpened").asDouble()).isEqualTo(2);
        assertThat(grid.get("trends").get("disputesOpened").get("direction").asString())
                .as("disputes fall month on month").isEqualTo("DOWN");
        assertThat(grid.get("trends").get("patrolReports").get("direction").asString()).isEqualTo("UP");
        var outsideScope = ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.LICHUAN))
                .get("/api/area-statistics/621223102?period=MONTH&on=2027-05-20");
        assertThat(outsideScope.status()).isEqualTo(404);
        JsonNode township = may("621223102");
        assertThat(township.get("children").get("621223102001").get("disputesOpened").asDouble()).isEqualTo(1);
        assertThat(may("621223").get("counts").get("disputesOpened").asDouble()).isGreaterThanOrEqualTo(1);

        var members = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.MUER))
                .get("/api/member-assessments?from=2027-05-01&to=2027-05-31").json();
        assertThat(members.get("total").asLong()).as("one list shape").isEqualTo(members.get("items").size());
        JsonNode member = members.get("items").get(0);
        assertThat(members.findValuesAsString("memberId")).contains("member-" + GRID, "member.dashe");
        assertThat(member.get("score").asDouble()).isGreaterThan(0);

        long read = rebuild.rebuild("replay_");
        assertThat(read).isGreaterThan(10);
        Caller county = new Caller("admin", "admin", Set.of("ADMIN"), new AreaScope(List.of("621223")), null, null);
        for (String area : List.of(GRID, "621223102", "621223")) {
            for (Period period : Period.values()) {
                AreaFigures live = statistics.figures(county, area, period, LocalDate.of(2027, 5, 11),
                        StatisticsStore.LIVE);
                AreaFigures replayed = statistics.figures(county, area, period, LocalDate.of(2027, 5, 11),
                        new StatisticsStore("replay_"));
                assertThat(replayed).as(area + " " + period).isEqualTo(live);
            }
        }
        assertThat(statistics.allDays(new StatisticsStore("replay_"), "621223102"))
                .containsExactlyInAnyOrderElementsOf(statistics.allDays(StatisticsStore.LIVE, "621223102"));
    }

    @Test
    void badStatisticsQueriesAreRefused() {
        ApiClient admin = ApiClient.local(port).withToken(TestUsers.admin());

        assertThat(admin.get("/api/area-statistics/621223102?period=YEAR").status()).isEqualTo(400);
        assertThat(admin.get("/api/area-statistics/6212231?period=MONTH").status()).isEqualTo(400);
        assertThat(admin.get("/api/area-statistics/621223102?on=2027-13-01").status()).isEqualTo(400);
        assertThat(admin.get("/api/area-statistics/621223199").status()).isEqualTo(404);
        assertThat(admin.get("/api/member-assessments?from=2027-05-31&to=2027-05-01").status()).isEqualTo(400);
        assertThat(admin.get("/api/member-assessments?gridCode=abc").status()).isEqualTo(400);
        assertThat(admin.get("/api/grid-statistics?from=2020-01-01&to=2027-01-01").status()).isEqualTo(400);
        var reversed = admin.get("/api/grid-statistics/" + TestUsers.YANGJIA_GRID + "?from=2027-05-31&to=2027-05-01");
        assertThat(reversed.status()).as("a reversed period of one grid is refused, not answered with zeros")
                .isEqualTo(400);
        assertThat(reversed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reversed.json().get("errors").findValuesAsString("field")).containsExactly("from");
    }
}
