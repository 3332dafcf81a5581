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
import org.tanchang.grid.contracts.incident.IncidentOpened;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.contracts.mediation.DisputeOpened;
import org.tanchang.grid.contracts.mediation.DisputeStateChanged;
import org.tanchang.grid.platform.security.AreaScope;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * One story counts on one day: a patrol at 23:50 whose dispute mediation opens after midnight counts, with its
 * dispute and incident, on the patrol's day; the later close is a fact of its own, on its own day. Talks and their
 * attendance count in the figures and in the assessment of whoever recorded them; the handling officer is credited
 * with the closed case and the mediator with the archived dispute, by the configured weights. Dated September 2027
 * in the 木耳乡 grid (马莲村), where no other test puts anything then.
 */
@ServiceIntegrationTest
class StatisticsDayRuleTest {

    static final String GRID = TestUsers.MALIAN_GRID;
    static final OffsetDateTime PATROL_END = OffsetDateTime.parse("2027-09-14T23:50:00+08:00");
    static final OffsetDateTime AFTER_MIDNIGHT = OffsetDateTime.parse("2027-09-15T00:10:00+08:00");
    static final OffsetDateTime CLOSED = OffsetDateTime.parse("2027-09-16T10:00:00+08:00");

    @LocalServerPort
    int port;

    @Autowired
    AssessmentProperties assessment;

    @Autowired
    StatisticsRebuild rebuild;

    @Autowired
    AreaStatistics statistics;

    private ApiClient admin() {
        return ApiClient.local(port).withToken(TestUsers.admin());
    }

    private JsonNode day(String on) {
        return admin().get("/api/area-statistics/" + GRID + "?period=DAY&on=" + on).json().get("counts");
    }

    /** The assessments of September, whichever list shape the endpoint answers with. */
    private JsonNode assessments() {
        JsonNode body = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.MUER))
                .get("/api/member-assessments?gridCode=" + GRID + "&from=2027-09-01&to=2027-09-30").json();
        return body.has("items") ? body.get("items") : body;
    }

    private JsonNode assessmentOf(String memberId) {
        for (JsonNode a : assessments()) {
            if (memberId.equals(a.get("memberId").asString())) {
                return a;
            }
        }
        return null;
    }

    private double weighted(JsonNode counts) {
        double score = 0;
        for (var weight : assessment.weights().entrySet()) {
            score += weight.getValue() * counts.path(weight.getKey()).asDouble(0);
        }
        return Math.round(score * 100) / 100.0;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aStoryCountsOnTheDayOfItsOriginatingFactAndEachLaterStepOnItsOwnDay() {
        String member = "member.dayrule-" + id().substring(0, 8);
        var filed = ApiClient.local(port).withToken(TestUsers.token(member, "GRID_MEMBER", GRID))
                .post("/api/patrol-reports", """
                {"gridCode":"%s","startedAt":"%s","endedAt":"%s","findings":[
                 {"kind":"DISPUTE","description":"两户因水渠争执"},{"kind":"INCIDENT","description":"田间药材被盗"}]}
                """.formatted(GRID, PATROL_END.minusMinutes(50), PATROL_END));
        assertThat(filed.status()).isEqualTo(201);
        String reportId = filed.json().get("id").asString();
        // mediation and case-service handle the report after midnight; their events say when the fact happened
        String dispute = "patrol-" + reportId + "-0";
        TestEvents.publish(DisputeOpened.TYPE, id(), dispute, new DisputeOpened(dispute, GRID, "PATROL_FINDING",
                reportId, "两户因水渠争执", AFTER_MIDNIGHT, "WATER", "MEDIUM", PATROL_END));
        String incident = "patrol-" + reportId + "-1";
        TestEvents.publish(IncidentOpened.TYPE, id(), incident, new IncidentOpened(incident, "621223-20270915-0001",
                GRID, "PATROL_FINDING", reportId, "田间药材被盗", null, PATROL_END));
        // a supervisor closes the case two days later; the officer who handled it gets the credit
        String officer = "officer.dayrule-" + id().substring(0, 8);
        TestEvents.publish(IncidentStateChanged.TYPE, id(), incident, new IncidentStateChanged(incident,
                "621223-20270915-0001", GRID, "621223102", "THEFT", "VERIFIED", "CLOSED", "supervisor.muer", "孙",
                CLOSED, "结案", officer, null));
        String mediator = "mediator.dayrule-" + id().substring(0, 8);
        TestEvents.publish(DisputeStateChanged.TYPE, id(), dispute, new DisputeStateChanged(dispute, GRID, "WATER",
                "FULFILLED", "ARCHIVED", "GRID", mediator, CLOSED, "已回访，归档"));

        await().atMost(Duration.ofSeconds(30)).until(() -> day("2027-09-14").path("incidentsOpened").asDouble() == 1
                && day("2027-09-14").path("disputesOpened").asDouble() == 1
                && day("2027-09-16").path("disputesClosed").asDouble() == 1
                && day("2027-09-16").path("incidentsClosed").asDouble() == 1);
        JsonNode patrolDay = day("2027-09-14");
        assertThat(patrolDay.get("patrolReports").asDouble()).isEqualTo(1);
        assertThat(patrolDay.get("finding_DISPUTE").asDouble()).isEqualTo(1);
        assertThat(patrolDay.get("finding_INCIDENT").asDouble()).isEqualTo(1);
        assertThat(patrolDay.get("disputesOpened").asDouble()).as("on the patrol's day, not the processing day")
                .isEqualTo(1);
        assertThat(patrolDay.get("disputeType_WATER").asDouble()).isEqualTo(1);
        assertThat(day("2027-09-15").path("disputesOpened").asDouble()).isZero();
        assertThat(day("2027-09-16").get("incident_CLOSED").asDouble()).isEqualTo(1);

        JsonNode handler = assessmentOf(officer);
        assertThat(handler).as("the handling officer is assessed").isNotNull();
        assertThat(handler.get("counts").get("incidentsClosed").asDouble()).isEqualTo(1);
        assertThat(handler.get("score").asDouble()).isEqualTo(assessment.weights().get("incidentsClosed"))
                .isGreaterThan(0);
        JsonNode closer = assessmentOf("supervisor.muer");
        assertThat(closer.get("counts").get("incident_CLOSED").asDouble()).as("the step, for who took it")
                .isEqualTo(1);
        assertThat(closer.get("counts").has("incidentsClosed")).as("the case, not for who pressed close").isFalse();
        JsonNode archiver = assessmentOf(mediator);
        assertThat(archiver.get("counts").get("disputesClosed").asDouble()).isEqualTo(1);
        assertThat(archiver.get("score").asDouble()).isEqualTo(assessment.weights().get("disputesClosed"))
                .isGreaterThan(0);
        JsonNode patroller = assessmentOf(member);
        assertThat(patroller.get("score").asDouble()).isEqualTo(weighted(patroller.get("counts"))).isGreaterThan(0);

        // the rebuild from the topics gives the same figures on each of those days
        rebuild.rebuild("dayrule_");
        Caller county = new Caller("admin", "admin", Set.of("ADMIN"), new AreaScope(List.of("621223")), null, null);
        for (LocalDate on : List.of(LocalDate.of(2027, 9, 14), LocalDate.of(2027, 9, 15), LocalDate.of(2027, 9, 16))) {
            assertThat(statistics.figures(county, GRID, Period.DAY, on, new StatisticsStore("dayrule_")))
                    .as(on.toString()).isEqualTo(statistics.figures(county, GRID, Period.DAY, on, StatisticsStore.LIVE));
        }
    }

    @Test
    void talksAndTheirAttendanceCountInTheFiguresAndInTheAssessmentOfWhoeverRecordedThem() {
        String member = "member.talks-" + id().substring(0, 8);
        var recorded = ApiClient.local(port).withToken(TestUsers.token(member, "GRID_MEMBER", GRID))
                .post("/api/publicity-events", """
                {"gridCode":"%s","topic":"ANTI_FRAUD","title":"预防金融诈骗 共建幸福家园","place":"村口核桃树下",
                 "speaker":"老李","heldAt":"2027-09-21T15:00:00+08:00","attendance":46}""".formatted(GRID));
        assertThat(recorded.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> day("2027-09-21").path("publicityTalks").asDouble() == 1);
        JsonNode counts = day("2027-09-21");
        assertThat(counts.get("publicityAttendance").asDouble()).isEqualTo(46);
        JsonNode totals = admin().get("/api/grid-statistics/" + GRID + "?from=2027-09-21&to=2027-09-21").json();
        assertThat(totals.get("publicityTalks").asLong()).isEqualTo(1);
        assertThat(totals.get("publicityAttendance").asLong()).isEqualTo(46);

        JsonNode speaker = assessmentOf(member);
        assertThat(speaker.get("counts").get("publicityTalks").asDouble()).isEqualTo(1);
        assertThat(speaker.get("counts").get("publicityAttendance").asDouble()).isEqualTo(46);
        assertThat(speaker.get("score").asDouble()).isEqualTo(Math.round((assessment.weights().get("publicityTalks")
                + 46 * assessment.weights().get("publicityAttendance")) * 100) / 100.0).isGreaterThan(0);
    }
}
