package org.tanchang.grid.gridservice.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.time.WorkCalendar;
import org.tanchang.grid.platform.workflow.DeadlineSweep;
import tools.jackson.databind.JsonNode;

/**
 * 结对关爱 end to end through grid-service's API, the broker and the wire server: an officer pairs a member with an
 * elderly woman living alone; the member's patrol report names her in a CARE finding and later records a visit
 * directly; both are visits of the plan and move its due day. The sweep, called with an instant past the due day
 * (the scheduled one uses the wall clock and never gets there during the test), flags the missed visit once however
 * often it runs. The figures of the village and the member's assessment show the visits done, on time and missed.
 */
@ServiceIntegrationTest
class CareStoryTest {

    static final String GRID = TestUsers.YANGJIA_GRID;
    static final String VILLAGE = GRID.substring(0, 12);

    @LocalServerPort
    int port;

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    WorkCalendar calendar;

    @Test
    void aPairedMemberVisitsOnPatrolAndDirectlyThenMissesAVisitAndTheFiguresShowIt() {
        String n = UUID.randomUUID().toString().substring(0, 8);
        String member = "member-care-" + n;
        String resident = "王秀英" + n;
        ApiClient officer = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
        ApiClient paired = ApiClient.local(port).withToken(TestUsers.token(member, "GRID_MEMBER", GRID));
        LocalDate today = LocalDate.now(Times.COUNTY_ZONE);
        double doneBefore = villageCount(officer, today, "careVisitsDone");

        String household = officer.post("/api/households", """
                {"gridCode":"%s","address":"理川镇杨家村一组12号","residents":[{"name":"%s","relation":"户主",
                 "idNumber":"11010519491231002X","mobile":"13800138000","careTags":["ELDERLY_LIVING_ALONE"]}]}"""
                .formatted(GRID, resident)).json().get("id").asString();

        // bad input is a 400 problem and stores nothing
        var tooRare = officer.post("/api/care-plans", plan(household, member, ",\"frequencyDays\":365"));
        assertThat(tooRare.status()).as(tooRare.text()).isEqualTo(400);
        assertThat(tooRare.header("Content-Type")).startsWith("application/problem+json");
        assertThat(officer.get("/api/care-plans?memberId=" + member).json().get("total").asInt()).isZero();
        // a citizen may not pair anybody; a member of another grid does not see the plan
        assertThat(ApiClient.local(port).withToken(TestUsers.citizen("citizen-" + n))
                .post("/api/care-plans", plan(household, member, "")).status()).isEqualTo(403);

        var created = officer.post("/api/care-plans", plan(household, member, ""));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode p = created.json();
        String id = p.get("id").asString();
        LocalDate firstDue = CareDueDates.dueDay(today, 7, today, calendar);
        assertThat(p.get("frequencyDays").asInt()).as("the tag's default for an elderly person alone").isEqualTo(7);
        assertThat(p.get("nextDueOn").asString()).isEqualTo(firstDue.toString());
        assertThat(p.get("careTags").get(0).asString()).isEqualTo("ELDERLY_LIVING_ALONE");
        assertThat(p.toString()).doesNotContain(resident, "13800138000", "一组12号");
        assertThat(officer.post("/api/care-plans", plan(household, "member-other-" + n, "")).status())
                .as("one active plan per household").isEqualTo(409);
        ApiClient otherGrid = ApiClient.local(port).withToken(TestUsers.gridMember(TestUsers.LASHA_GRID));
        assertThat(otherGrid.get("/api/care-plans/" + id).status()).isEqualTo(404);
        assertThat(otherGrid.post("/api/care-plans/" + id + "/visits", visit(null)).status()).isEqualTo(404);
        assertThat(paired.get("/api/care-plans/" + id).status()).isEqualTo(200);

        // a patrol's CARE finding naming her is a visit of the plan
        OffsetDateTime end = OffsetDateTime.now(Times.COUNTY_ZONE).truncatedTo(ChronoUnit.SECONDS).minusMinutes(5);
        var report = paired.post("/api/patrol-reports", """
                {"gridCode":"%s","startedAt":"%s","endedAt":"%s",
                 "findings":[{"kind":"CARE","description":"看望独居老人，身体尚好","peopleConcerned":["%s"]}],
                 "track":[{"longitude":104.39,"latitude":34.04,"at":"%s"}]}"""
                .formatted(GRID, end.minusHours(1), end, resident, end.minusMinutes(30)));
        assertThat(report.status()).as(report.text()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> paired.get("/api/care-plans/" + id).json()
                .get("visits").asInt() == 1);

        // a visit recorded directly; one dated in the future is refused and changes nothing
        var future = paired.post("/api/care-plans/" + id + "/visits",
                visit(OffsetDateTime.now(Times.COUNTY_ZONE).plusDays(1).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(future.status()).as(future.text()).isEqualTo(400);
        var direct = paired.post("/api/care-plans/" + id + "/visits", visit(null));
        assertThat(direct.status()).as(direct.text()).isEqualTo(201);
        assertThat(direct.json().get("onTime").asBoolean()).isTrue();
        assertThat(direct.json().get("done").asString()).contains("138****8000").doesNotContain("13800138000");

        JsonNode visited = paired.get("/api/care-plans/" + id).json();
        LocalDate due = CareDueDates.dueDay(today, 7, today, calendar);
        assertThat(visited.get("visits").asInt()).isEqualTo(2);
        assertThat(visited.get("nextDueOn").asString()).isEqualTo(due.toString());
        JsonNode visits = paired.get("/api/care-plans/" + id + "/visits").json().get("items");
        assertThat(visits).hasSize(2);
        assertThat(visits.findValuesAsString("source")).containsExactlyInAnyOrder("PATROL_FINDING", "DIRECT");

        // the due day passes without a visit: flagged once, however often the sweep runs
        Instant pastDue = due.plusDays(1).atStartOfDay(Times.COUNTY_ZONE).toInstant().plusSeconds(3600);
        sweep.sweep(pastDue);
        sweep.sweep(pastDue);
        JsonNode missed = paired.get("/api/care-plans/" + id).json();
        assertThat(missed.get("missedVisits").asInt()).isEqualTo(1);
        assertThat(missed.get("overdueSince").asString()).isEqualTo(due.toString());
        assertThat(LocalDate.parse(missed.get("nextDueOn").asString())).isAfter(due);
        assertThat(officer.get("/api/care-plans?overdue=true&memberId=" + member).json().get("total").asInt())
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> events(id).stream()
                .anyMatch(r -> TestEvents.eventName(r).equals("CareVisitMissed")));
        List<ConsumerRecord<String, String>> events = events(id);
        // the relay keeps each document's events in order, not a plan's against its visits' (other documents)
        assertThat(events.stream().map(TestEvents::eventName)).containsExactlyInAnyOrder("CarePlanChanged",
                "CareVisitRecorded", "CareVisitRecorded", "CareVisitMissed");
        assertThat(events).allSatisfy(e -> assertThat(e.value()).contains(household)
                .doesNotContain(resident, "11010519491231002X", "13800138000", "12号"));
        assertThat(events.stream().filter(e -> TestEvents.eventName(e).equals("CareVisitMissed")).findFirst()
                .orElseThrow().value()).contains("\"memberId\":\"" + member + "\"",
                "\"dueOn\":\"" + due + "\"", "\"missedVisits\":1");

        // the figures: the village's day of the visits and of the missed one, and the member's assessment
        await().atMost(Duration.ofSeconds(20)).until(() -> villageCount(officer, today, "careVisitsDone")
                == doneBefore + 2 && villageCount(officer, due, "careVisitsMissed") >= 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> assessment(officer, member, today, due) != null
                && assessment(officer, member, today, due).get("counts").has("careVisitsMissed"));
        JsonNode assessed = assessment(officer, member, today, due);
        JsonNode counts = assessed.get("counts");
        assertThat(counts.get("careVisitsDone").asDouble()).isEqualTo(2.0);
        assertThat(counts.get("careVisitsOnTime").asDouble()).isEqualTo(2.0);
        assertThat(counts.get("careVisitsMissed").asDouble()).isEqualTo(1.0);
        assertThat(counts.get("careVisitsDue").asDouble()).isEqualTo(3.0);
        assertThat(counts.get("careVisitsFollowUp").asDouble()).isEqualTo(1.0);
        // patrolReports 1 + finding_CARE 1 + 2 visits on time × 2 + 1 missed × -2
        assertThat(assessed.get("score").asDouble()).isEqualTo(4.0);

        // ending the plan: no more visits fall due, and a visit is refused
        var ended = officer.post("/api/care-plans/" + id + "/end", "{\"reason\":\"老人已随子女迁居县城\"}");
        assertThat(ended.status()).as(ended.text()).isEqualTo(200);
        assertThat(ended.json().get("state").asString()).isEqualTo("ENDED");
        assertThat(ended.json().get("nextDueOn").isNull()).isTrue();
        assertThat(paired.post("/api/care-plans/" + id + "/visits", visit(null)).status()).isEqualTo(409);
        assertThat(officer.post("/api/care-plans/" + id + "/end", "{\"reason\":\"再次\"}").status()).isEqualTo(409);
    }

    private static String plan(String household, String member, String more) {
        return "{\"gridCode\":\"%s\",\"householdId\":\"%s\",\"memberId\":\"%s\"%s}".formatted(GRID, household, member,
                more);
    }

    private static String visit(OffsetDateTime at) {
        return """
                {%s"found":"家中缺少过冬煤炭","done":"联系村委会送煤，留下电话13800138000","followUpNeeded":true}"""
                .formatted(at == null ? "" : "\"visitedAt\":\"" + at + "\",");
    }

    private static List<ConsumerRecord<String, String>> events(String planId) {
        return TestEvents.readAll(Topics.CARE, Duration.ofMillis(500)).stream()
                .filter(r -> planId.equals(r.key())).toList();
    }

    private static double villageCount(ApiClient officer, LocalDate day, String counter) {
        JsonNode counts = officer.get("/api/area-statistics/" + VILLAGE + "?period=DAY&on=" + day).json()
                .get("counts");
        return counts.has(counter) ? counts.get(counter).asDouble() : 0.0;
    }

    /** The member's assessment, looked for page by page (the area has many members). */
    private static JsonNode assessment(ApiClient officer, String member, LocalDate from, LocalDate to) {
        for (int page = 0; page < 100; page++) {
            JsonNode items = officer.get("/api/member-assessments?gridCode=" + GRID + "&from=" + from + "&to=" + to
                    + "&size=100&page=" + page).json().get("items");
            for (JsonNode item : items) {
                if (member.equals(item.get("memberId").asString())) {
                    return item;
                }
            }
            if (items.size() < 100) {
                return null;
            }
        }
        return null;
    }
}
