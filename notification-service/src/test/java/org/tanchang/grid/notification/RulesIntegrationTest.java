package org.tanchang.grid.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.commendation.MatterCommended;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.grid.RosterAssignmentChanged;
import org.tanchang.grid.contracts.grid.RosterRole;
import org.tanchang.grid.contracts.incident.CaseDeadlineApproaching;
import org.tanchang.grid.contracts.incident.CaseOverdue;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.contracts.incident.IncidentSupervised;
import org.tanchang.grid.contracts.lost.LostItemMatched;
import org.tanchang.grid.contracts.lost.LostItemMatchReleased;
import org.tanchang.grid.contracts.lost.LostItemReturned;
import org.tanchang.grid.contracts.mediation.DisputeAssigned;
import org.tanchang.grid.contracts.mediation.DisputeDeadlineApproaching;
import org.tanchang.grid.contracts.mediation.DisputeEscalated;
import org.tanchang.grid.contracts.mediation.DisputeOverdue;
import org.tanchang.grid.contracts.mediation.DisputeSupervised;
import org.tanchang.grid.contracts.mediation.FollowUpVisitAssigned;
import org.tanchang.grid.contracts.patrol.CheckpointMissed;
import org.tanchang.grid.contracts.petition.RequestDeadlineBreached;
import org.tanchang.grid.contracts.petition.RequestStateChanged;
import org.tanchang.grid.contracts.petition.RequestSupervised;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Every rule of notification-rules.yml fires for its event: the right people find the right message in their inbox
 * (each test uses people of its own, so inboxes do not mix). Patrol reports are covered by InboxIntegrationTest,
 * follow-up reminders by ReminderIntegrationTest.
 */
@ServiceIntegrationTest
class RulesIntegrationTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-05-12T10:15:00+08:00");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    Inboxes inboxes;
    String n;

    @BeforeEach
    void setUp() {
        inboxes = new Inboxes(port);
        n = UUID.randomUUID().toString().substring(0, 8);
    }

    private IncidentStateChanged incident(String id, String to, String remark, String officer, String reporter) {
        return new IncidentStateChanged(id, "621223-20260512-0007", TestUsers.YANGJIA_GRID, TestUsers.LICHUAN,
                "DISPUTE", "REPORTED", to, "supervisor-zx", "赵指挥", AT, remark, officer, reporter);
    }

    private static <T> void publish(org.tanchang.grid.contracts.EventType<T> type, String subject, T data) {
        TestEvents.publish(type, UUID.randomUUID().toString(), subject, data);
    }

    @Test
    void aCitizenHearsTheirCaseWasAcceptedDispatchedAndClosed() {
        String citizen = "citizen-" + n;
        String officer = "officer-" + n;
        String id = "inc-" + n;
        publish(IncidentStateChanged.TYPE, id, incident(id, "ACCEPTED", null, null, citizen));
        inboxes.await(citizen, id, 1);
        publish(IncidentStateChanged.TYPE, id, incident(id, "DISPATCHED", "请尽快到场", officer, citizen));
        inboxes.await(citizen, id, 2);
        publish(IncidentStateChanged.TYPE, id, incident(id, "CLOSED", null, officer, citizen));

        List<JsonNode> told = inboxes.await(citizen, id, 3);
        assertThat(told.stream().map(t -> t.get("kind").asString()))
                .containsExactlyInAnyOrder("CASE_ACCEPTED", "CASE_DISPATCHED", "CASE_CLOSED");
        assertThat(told.stream().map(t -> t.get("title").asString()))
                .contains("您反映的案件已受理", "您反映的案件已派发处理", "您反映的案件已办结");
        assertThat(told).allSatisfy(t -> assertThat(t.get("subjectType").asString()).isEqualTo("INCIDENT"));
        JsonNode assigned = inboxes.one(officer, id);
        assertThat(assigned.get("kind").asString()).isEqualTo("CASE_ASSIGNED");
        assertThat(assigned.get("body").asString()).contains("赵指挥", "621223-20260512-0007", "请尽快到场");
    }

    @Test
    void otherStatesOfACaseTellNobody() {
        String citizen = "citizen-" + n;
        String id = "inc-" + n;
        TestEvents.publishAndAwaitHandled(meters, IncidentStateChanged.TYPE, UUID.randomUUID().toString(), id,
                incident(id, "EVALUATED", null, null, citizen));

        assertThat(mongo.count(Query.query(Criteria.where("subjectId").is(id)), "deliveries")).isZero();
    }

    @Test
    void theOwnerHearsTheirLostItemWasMatchedAndReturned() {
        String owner = "citizen-" + n;
        String id = "lost-" + n;
        publish(LostItemMatched.TYPE, id, new LostItemMatched(id, "found-" + n, owner, "背包", 0.92, "理川派出所",
                TestUsers.YANGJIA_GRID, AT));
        JsonNode matched = inboxes.one(owner, id);
        publish(LostItemReturned.TYPE, id, new LostItemReturned(id, "found-" + n, owner, "ho-1", TestUsers.YANGJIA_GRID,
                AT.plusDays(1)));

        assertThat(matched.get("kind").asString()).isEqualTo("LOST_ITEM_MATCHED");
        assertThat(matched.get("body").asString()).contains("背包", "理川派出所", "身份证件");
        JsonNode returned = inboxes.await(owner, id, 2).get(0);
        assertThat(returned.get("kind").asString()).isEqualTo("LOST_ITEM_RETURNED");
        assertThat(returned.get("body").asString()).contains("2026-05-13 10:15", "ho-1");
    }

    @Test
    void everyMediatorHearsOfAnEscalatedDispute() {
        String id = "dsp-" + n;
        publish(DisputeEscalated.TYPE, id, new DisputeEscalated(id, TestUsers.YANGJIA_GRID, "GRID", "TOWNSHIP",
                "调解两次未果", List.of("mediator-a-" + n, "mediator-b-" + n), AT));

        for (String mediator : List.of("mediator-a-" + n, "mediator-b-" + n)) {
            JsonNode t = inboxes.one(mediator, id);
            assertThat(t.get("kind").asString()).isEqualTo("DISPUTE_ESCALATED");
            assertThat(t.get("body").asString()).contains("GRID", "TOWNSHIP", "调解两次未果");
        }
    }

    @Test
    void aCaseDeadlineTellsTheHandlerAndTheAreasSupervisorsFromTheRoster() {
        String township = "621223" + n.replaceAll("\\D", "7").substring(0, 3);
        String supervisor = "supervisor-" + n;
        String formerSupervisor = "former-supervisor-" + n;
        String handler = "officer-" + n;
        publishRoster(township, supervisor, LocalDate.now().minusYears(1), null, 1);
        publishRoster(township, formerSupervisor, LocalDate.now().minusYears(2), LocalDate.now().minusMonths(1), 2);
        publishRoster(township + "001001", "grid-supervisor-" + n, LocalDate.now().minusYears(1), null, 1);
        String id = "inc-" + n;
        String grid = township + "001001";
        awaitRoster(3);

        publish(CaseDeadlineApproaching.TYPE, id, new CaseDeadlineApproaching(id, "621223-20260512-0008", grid,
                "DISPATCHED", AT.plusHours(2), handler, township));
        JsonNode yellow = inboxes.one(handler, id);
        assertThat(yellow.get("kind").asString()).isEqualTo("CASE_DEADLINE_APPROACHING");
        assertThat(yellow.get("title").asString()).contains("黄牌");
        assertThat(inboxes.one(supervisor, id).get("kind").asString()).isEqualTo("CASE_DEADLINE_APPROACHING");

        publish(CaseOverdue.TYPE, id, new CaseOverdue(id, "621223-20260512-0008", grid, "DISPATCHED",
                AT.plusHours(2), handler, township));
        assertThat(inboxes.await(handler, id, 2).get(0).get("kind").asString()).isEqualTo("CASE_OVERDUE");
        assertThat(inboxes.await(supervisor, id, 2).get(0).get("title").asString()).contains("红牌");
        assertThat(inboxes.about(formerSupervisor, id)).as("no longer in post").isEmpty();
        assertThat(inboxes.about("grid-supervisor-" + n, id)).as("a post below the area watched").isEmpty();
    }

    @Test
    void anOwnerToldOfAMatchHearsWhenItWasNotTheirs() {
        String owner = "citizen-" + n;
        String id = "lost-" + n;
        publish(LostItemMatched.TYPE, id, new LostItemMatched(id, "found-" + n, owner, "背包", 0.92, "理川派出所",
                TestUsers.YANGJIA_GRID, AT));
        inboxes.one(owner, id);
        publish(LostItemMatchReleased.TYPE, id, new LostItemMatchReleased(id, "found-" + n, owner, "背包",
                TestUsers.YANGJIA_GRID, AT.plusHours(3)));

        JsonNode released = inboxes.await(owner, id, 2).get(0);
        assertThat(released.get("kind").asString()).isEqualTo("LOST_ITEM_MATCH_RELEASED");
        assertThat(released.get("body").asString()).contains("背包", "继续为您查找");
    }

    @Test
    void aDisputeDeadlineTellsItsMediatorsAndTheAreasSupervisors() {
        String township = "621223" + n.replaceAll("\\D", "8").substring(0, 3);
        String supervisor = "supervisor-" + n;
        publishRoster(township, supervisor, LocalDate.now().minusYears(1), null, 1);
        awaitRoster(1);
        String id = "dsp-" + n;
        String grid = township + "001001";
        List<String> mediators = List.of("mediator-a-" + n, "mediator-b-" + n);

        publish(DisputeDeadlineApproaching.TYPE, id, new DisputeDeadlineApproaching(id, grid, "APPLIED", "acceptance",
                AT.plusDays(1), mediators, township));
        for (String mediator : mediators) {
            JsonNode yellow = inboxes.one(mediator, id);
            assertThat(yellow.get("kind").asString()).isEqualTo("DISPUTE_DEADLINE_APPROACHING");
            assertThat(yellow.get("title").asString()).contains("黄牌", "受理时限");
        }
        assertThat(inboxes.one(supervisor, id).get("body").asString()).contains("70%", "2026-05-13 10:15");

        publish(DisputeOverdue.TYPE, id, new DisputeOverdue(id, grid, "MEDIATING", "mediation", AT.plusDays(30),
                mediators, township));
        JsonNode red = inboxes.await(supervisor, id, 2).get(0);
        assertThat(red.get("kind").asString()).isEqualTo("DISPUTE_OVERDUE");
        assertThat(red.get("title").asString()).contains("红牌", "调解时限");
        assertThat(inboxes.await("mediator-b-" + n, id, 2).get(0).get("kind").asString()).isEqualTo("DISPUTE_OVERDUE");
    }

    private void publishRoster(String area, String person, LocalDate from, LocalDate to, long version) {
        publishRoster(area, RosterRole.SUPERVISOR, person, from, to, version);
    }

    private void publishRoster(String area, RosterRole role, String person, LocalDate from, LocalDate to,
            long version) {
        String assignment = "ra-" + person;
        publish(RosterAssignmentChanged.TYPE, area, new RosterAssignmentChanged(assignment, area, role,
                person, "督办人", from, to, version));
    }

    private void awaitRoster(int count) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                mongo.count(Query.query(Criteria.where("personId").regex(n + "$")), "roster") >= count);
    }

    @Test
    void aRequestDeadlineTellsTheHandlerYellowThenRed() {
        String handler = "clerk-" + n;
        String id = "req-" + n;
        publish(RequestDeadlineBreached.TYPE, id, new RequestDeadlineBreached(id, "621223-QZ-20260512-0003", "HJ-01",
                "621223101", "COMPLETION", DeadlineFlag.YELLOW, AT, handler));
        assertThat(inboxes.one(handler, id).get("kind").asString()).isEqualTo("REQUEST_DEADLINE_APPROACHING");
        publish(RequestDeadlineBreached.TYPE, id, new RequestDeadlineBreached(id, "621223-QZ-20260512-0003", "HJ-01",
                "621223101", "COMPLETION", DeadlineFlag.RED, AT, handler));

        JsonNode red = inboxes.await(handler, id, 2).get(0);
        assertThat(red.get("kind").asString()).isEqualTo("REQUEST_OVERDUE");
        assertThat(red.get("body").asString()).contains("办结时限", "2026-05-12 10:15");
    }

    @Test
    void aCitizenHearsTheirRequestIsIncompleteAndThenCompleted() {
        String citizen = "citizen-" + n;
        String id = "req-" + n;
        publish(RequestStateChanged.TYPE, id, new RequestStateChanged(id, "621223-QZ-20260512-0004", "HJ-01", citizen,
                "621223101", "PRECHECKED", "INCOMPLETE", "clerk-1", AT, null, List.of("户口簿原件", "近期免冠照片")));
        JsonNode incomplete = inboxes.one(citizen, id);
        publish(RequestStateChanged.TYPE, id, new RequestStateChanged(id, "621223-QZ-20260512-0004", "HJ-01", citizen,
                "621223101", "IN_PROCESS", "COMPLETED", "clerk-1", AT.plusHours(1), null, List.of()));

        assertThat(incomplete.get("kind").asString()).isEqualTo("REQUEST_INCOMPLETE");
        assertThat(incomplete.get("body").asString()).contains("户口簿原件、近期免冠照片");
        assertThat(inboxes.await(citizen, id, 2).get(0).get("kind").asString()).isEqualTo("REQUEST_COMPLETED");
    }

    @Test
    void aMemberHearsOfAMissedCheckpoint() {
        String member = "member-" + n;
        String plan = "plan-" + n;
        publish(CheckpointMissed.TYPE, plan, new CheckpointMissed(plan, "cp-3", "杨家村小学门口", TestUsers.YANGJIA_GRID,
                member, AT.minusHours(2), AT));

        JsonNode t = inboxes.one(member, plan);
        assertThat(t.get("kind").asString()).isEqualTo("CHECKPOINT_MISSED");
        assertThat(t.get("title").asString()).isEqualTo("必到点漏巡：杨家村小学门口");
        assertThat(t.get("subjectType").asString()).isEqualTo("PATROL_PLAN");
    }

    @Test
    void theSameEventTwiceIsOneMessage() {
        String citizen = "citizen-" + n;
        String id = "inc-" + n;
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish(IncidentStateChanged.TYPE, eventId, id, incident(id, "ACCEPTED", null, null, citizen));
        inboxes.one(citizen, id);

        TestEvents.publishAndAwaitHandled(meters, IncidentStateChanged.TYPE, eventId, id,
                incident(id, "ACCEPTED", null, null, citizen));

        assertThat(inboxes.about(citizen, id)).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("sourceEventId").is(eventId)), "deliveries")).isEqualTo(1);
    }

    @Test
    void messagesCarryNoUnmaskedIdNumberOrMobile() {
        String citizen = "citizen-" + n;
        String id = "inc-" + n;
        publish(IncidentStateChanged.TYPE, id, incident(id, "ACCEPTED",
                "报警人杨某（身份证 62122319800101123X，电话 13893912345）称牛群踩踏药苗", null, citizen));

        String body = inboxes.one(citizen, id).get("body").asString();
        assertThat(body).contains("621223********123X", "138****2345", "牛群踩踏药苗")
                .doesNotContain("62122319800101123X", "13893912345");
    }

    @Test
    void mediatorsHearOfADisputeAndAVisitGivenToThem() {
        String id = "dsp-" + n;
        List<String> mediators = List.of("mediator-a-" + n, "mediator-b-" + n);
        publish(DisputeAssigned.TYPE, id, new DisputeAssigned(id, TestUsers.YANGJIA_GRID, "GRID", "LIVESTOCK_DAMAGE",
                "MEDIUM", mediators, AT));
        for (String mediator : mediators) {
            JsonNode t = inboxes.one(mediator, id);
            assertThat(t.get("kind").asString()).isEqualTo("DISPUTE_ASSIGNED");
            assertThat(t.get("body").asString()).contains(id, TestUsers.YANGJIA_GRID, "GRID");
        }

        String visit = id + "-visit-4";
        String assignee = "officer-" + n;
        publish(FollowUpVisitAssigned.TYPE, visit, new FollowUpVisitAssigned(visit, id, TestUsers.YANGJIA_GRID,
                LocalDate.parse("2026-01-14"), assignee, "王建军", "药农3", true));
        JsonNode v = inboxes.one(assignee, visit);
        assertThat(v.get("kind").asString()).isEqualTo("FOLLOW_UP_ASSIGNED");
        assertThat(v.get("subjectType").asString()).isEqualTo("FOLLOW_UP_VISIT");
        assertThat(v.get("title").asString()).isEqualTo("新的回访任务（已到期）");
        assertThat(v.get("body").asString()).contains("王建军", "药农3", "已于2026-01-14到期");
    }

    @Test
    void supervisionOfAnIncidentTellsTheHandlerTheGridsOfficerAndTheTownshipsSupervisors() {
        String township = "621223" + n.replaceAll("\\D", "5").substring(0, 3);
        String grid = township + "001001";
        publishRoster(township, "supervisor-" + n, LocalDate.now().minusYears(1), null, 1);
        publishRoster(grid, RosterRole.RESPONSIBLE_OFFICER, "beat-officer-" + n, LocalDate.now().minusYears(1), null, 1);
        awaitRoster(2);
        String id = "inc-" + n;
        String handler = "officer-" + n;

        publish(IncidentSupervised.TYPE, id, new IncidentSupervised(id, "621223-20260512-0009", grid, "DISPATCHED",
                handler, township, "supervisor-county", "县指挥中心", "群众多次反映，请加快办理",
                LocalDate.parse("2026-05-15"), false, AT));

        for (String told : List.of(handler, "beat-officer-" + n, "supervisor-" + n)) {
            JsonNode t = inboxes.one(told, id);
            assertThat(t.get("kind").asString()).isEqualTo("CASE_SUPERVISED");
            assertThat(t.get("title").asString()).isEqualTo("督办：案件621223-20260512-0009");
            assertThat(t.get("body").asString()).contains("县指挥中心", "群众多次反映，请加快办理", "2026-05-15");
        }
    }

    @Test
    void supervisionOfADisputeTellsItsMediatorsTheGridsMediatorsAndTheAreasSupervisors() {
        String township = "621223" + n.replaceAll("\\D", "4").substring(0, 3);
        String grid = township + "001001";
        publishRoster(township, "supervisor-" + n, LocalDate.now().minusYears(1), null, 1);
        publishRoster(grid, RosterRole.MEDIATOR, "grid-mediator-" + n, LocalDate.now().minusYears(1), null, 1);
        awaitRoster(2);
        String id = "dsp-" + n;

        publish(DisputeSupervised.TYPE, id, new DisputeSupervised(id, grid, "MEDIATING", List.of("mediator-" + n),
                grid, "supervisor-county", "县综治中心", "调解超期", null, AT));

        for (String told : List.of("mediator-" + n, "grid-mediator-" + n, "supervisor-" + n)) {
            JsonNode t = inboxes.one(told, id);
            assertThat(t.get("kind").asString()).isEqualTo("DISPUTE_SUPERVISED");
            assertThat(t.get("body").asString()).contains("县综治中心", "调解超期", "MEDIATING").doesNotContain("请于");
        }
    }

    @Test
    void supervisionOfARequestTellsTheHandlerAndTheStationsSupervisors() {
        String station = "621223" + n.replaceAll("\\D", "3").substring(0, 3);
        publishRoster(station, "supervisor-" + n, LocalDate.now().minusYears(1), null, 1);
        awaitRoster(1);
        String id = "req-" + n;
        String handler = "clerk-" + n;

        publish(RequestSupervised.TYPE, id, new RequestSupervised(id, "621223-QZ-20260512-0005", "HJ-01", station,
                "IN_PROCESS", handler, "supervisor-county", "县政务中心", "超时未办结", LocalDate.parse("2026-05-14"), AT));

        for (String told : List.of(handler, "supervisor-" + n)) {
            JsonNode t = inboxes.one(told, id);
            assertThat(t.get("kind").asString()).isEqualTo("REQUEST_SUPERVISED");
            assertThat(t.get("body").asString()).contains("621223-QZ-20260512-0005", "超时未办结", "2026-05-14");
        }
    }

    @Test
    void theStaffABannerNamesHearOfIt() {
        String id = "inc-" + n;
        publish(MatterCommended.INCIDENT, id, new MatterCommended(MatterCommended.INCIDENT_MATTER, id,
                "commendation-" + n, TestUsers.YANGJIA_GRID, "BANNER", List.of("officer-a-" + n, "officer-b-" + n),
                LocalDate.parse("2026-05-12"), "officer-a-" + n, AT));

        for (String named : List.of("officer-a-" + n, "officer-b-" + n)) {
            JsonNode t = inboxes.one(named, id);
            assertThat(t.get("kind").asString()).isEqualTo("CASE_COMMENDED");
            assertThat(t.get("title").asString()).isEqualTo("群众送来锦旗");
            assertThat(t.get("body").asString()).contains("2026-05-12", id);
        }
    }
}
