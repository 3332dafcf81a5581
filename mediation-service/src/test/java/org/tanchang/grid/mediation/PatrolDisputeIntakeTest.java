package org.tanchang.grid.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.FindingParty;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.platform.events.EventJson;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.time.Times;
import tools.jackson.databind.JsonNode;

/** mediation-service against the real broker and wire server: patrol findings in, disputes and visits out. */
@ServiceIntegrationTest
class PatrolDisputeIntakeTest {

    static final String YANGJIA_1 = TestUsers.YANGJIA_GRID;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    /** A mediator of 理川镇, the township of 杨家村: sees every dispute and visit these tests open. */
    private ApiClient api() {
        return ApiClient.local(port).withToken(TestUsers.mediator(TestUsers.LICHUAN));
    }

    /**
     * Cattle trampled the mulched herb seedlings in 杨家村: two DISPUTE findings and one INCIDENT. The night patrol
     * ended at 00:30 county time on 12 May, written in UTC (still 11 May there), so the due date must be counted
     * from the county day.
     */
    static PatrolReportSubmitted cattleReport(String reportId) {
        return new PatrolReportSubmitted(reportId, YANGJIA_1, "杨家村第一网格", "621223101", "member-ldm", "李德明",
                OffsetDateTime.parse("2026-05-11T21:00:00+08:00"), OffsetDateTime.parse("2026-05-11T16:30:00Z"),
                new ResponsibleOfficer("officer-lichuan-01", "王建军"),
                List.of(new PatrolFinding(0, FindingKind.DISPUTE, "牧民马某的牛群踩踏了十余户药农的覆膜药苗，药农要求赔偿",
                                new GeoPoint(104.392, 34.047), List.of(), List.of("马某"), cattleHint(
                                        FindingDispute.RiskLevel.MEDIUM)),
                        new PatrolFinding(1, FindingKind.INCIDENT, "有人趁乱拔走了部分当归苗", null),
                        new PatrolFinding(2, FindingKind.DISPUTE, "药农杨某与马某就赔偿数额当场争执", null)));
    }

    /** Two households and the herder, as the member named them. */
    static FindingDispute cattleHint(FindingDispute.RiskLevel risk) {
        return new FindingDispute(FindingDispute.Type.LIVESTOCK_DAMAGE, risk, List.of(
                new FindingParty(FindingParty.Kind.PERSON, FindingParty.Role.APPLICANT, "杨某一", "赔偿覆膜药苗损失"),
                new FindingParty(FindingParty.Kind.ORGANISATION, FindingParty.Role.APPLICANT, "杨家村药材合作社", null),
                new FindingParty(FindingParty.Kind.PERSON, FindingParty.Role.RESPONDENT, "马某", null)));
    }

    private static String send(String eventId, PatrolReportSubmitted report) {
        return TestEvents.publish(PatrolReportSubmitted.TYPE, eventId, report.reportId(), report);
    }

    /** Sends and waits until the listener has handled the record, so "nothing more happened" can be asserted. */
    private void sendAndAwaitHandled(String eventId, PatrolReportSubmitted report) {
        TestEvents.publishAndAwaitHandled(meters, PatrolReportSubmitted.TYPE, eventId, report.reportId(), report);
    }

    private JsonNode disputesOf(String reportId) {
        return api().get("/api/disputes?sourceReference=" + reportId).json();
    }

    private JsonNode visitsOf(String reportId) {
        return api().get("/api/follow-up-visits?patrolReportId=" + reportId).json();
    }

    private static List<ConsumerRecord<String, String>> published(String topic, String reportId) {
        return TestEvents.readAll(topic, Duration.ofMillis(800)).stream()
                .filter(r -> r.key() != null && r.key().startsWith("patrol-" + reportId + "-")).toList();
    }

    private static List<ConsumerRecord<String, String>> published(String topic, String reportId, String type) {
        return published(topic, reportId).stream().filter(r -> type.equals(TestEvents.eventName(r))).toList();
    }

    @Test
    void eachDisputeFindingOpensADisputeWithAFirstVisitDueThreeCountyDaysAfterThePatrol() {
        String reportId = "pr-" + UUID.randomUUID();
        send(UUID.randomUUID().toString(), cattleReport(reportId));

        await().atMost(Duration.ofSeconds(20)).until(() -> visitsOf(reportId).get("total").asLong() == 2);
        JsonNode disputes = disputesOf(reportId);
        assertThat(disputes.get("total").asLong()).isEqualTo(2);
        assertThat(disputes.get("items").findValuesAsString("id"))
                .containsExactlyInAnyOrder("patrol-" + reportId + "-0", "patrol-" + reportId + "-2");
        assertThat(disputes.get("items").findValuesAsString("state")).containsOnly("APPLIED");

        JsonNode first = api().get("/api/disputes/patrol-" + reportId + "-0").json();
        assertThat(first.get("source").asString()).isEqualTo("PATROL_FINDING");
        assertThat(first.get("sourceReference").asString()).isEqualTo(reportId);
        assertThat(first.get("patrolFindingIndex").asInt()).isZero();
        assertThat(first.get("gridCode").asString()).isEqualTo(YANGJIA_1);
        assertThat(first.get("description").asString()).contains("覆膜药苗");
        assertThat(first.get("location").get("longitude").asDouble()).isEqualTo(104.392);
        assertThat(first.get("openedAt").asString()).endsWith("+08:00");
        assertThat(first.get("version").asLong()).isZero();

        JsonNode visits = visitsOf(reportId).get("items");
        assertThat(visits.valueStream().map(v -> v.get("id").asString()).toList())
                .containsExactly("patrol-" + reportId + "-0-visit-1", "patrol-" + reportId + "-2-visit-1");
        assertThat(visits.findValuesAsString("dueOn")).containsOnly("2026-05-15");
        assertThat(visits.findValuesAsString("status")).containsOnly("SCHEDULED");
        JsonNode visit = api().get("/api/follow-up-visits/patrol-" + reportId + "-0-visit-1").json();
        assertThat(visit.get("disputeId").asString()).isEqualTo("patrol-" + reportId + "-0");
        assertThat(visit.get("assignee").get("name").asString()).isEqualTo("王建军");
        assertThat(visit.get("createdAt").asString()).endsWith("+08:00");

        // the due date is stored zone-free (not as midnight of the JVM's zone) and filters as a day
        assertThat(mongo.findById("patrol-" + reportId + "-0-visit-1", org.bson.Document.class, "follow_up_visits")
                .get("dueOn")).isEqualTo("2026-05-15");
        assertThat(api().get("/api/follow-up-visits?patrolReportId=" + reportId + "&dueBefore=2026-05-16")
                .json().get("total").asLong()).isEqualTo(2);
        assertThat(api().get("/api/follow-up-visits?patrolReportId=" + reportId + "&dueBefore=2026-05-15")
                .json().get("total").asLong()).isZero();
        assertThat(api().get("/api/follow-up-visits?disputeId=patrol-" + reportId + "-2&status=SCHEDULED&gridCode="
                + YANGJIA_1).json().get("total").asLong()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(published(Topics.DISPUTES, reportId, "DisputeOpened")).hasSize(2);
            assertThat(published(Topics.FOLLOW_UP_VISITS, reportId, "FollowUpVisitScheduled")).hasSize(2);
            // the responsible officer named in the report is told of each visit at once; the May patrol is read
            // after its visits' day, so they were due before they were scheduled
            assertThat(published(Topics.FOLLOW_UP_VISITS, reportId, "FollowUpVisitAssigned")).hasSize(2)
                    .allSatisfy(r -> assertThat(r.value()).contains("\"assigneeName\":\"王建军\"",
                            "\"alreadyDue\":" + LocalDate.now(Times.COUNTY_ZONE).isAfter(LocalDate.parse("2026-05-14"))));
        });
        ConsumerRecord<String, String> opened = published(Topics.DISPUTES, reportId, "DisputeOpened").get(0);
        assertThat(TestEvents.eventName(opened)).isEqualTo("DisputeOpened");
        assertThat(TestEvents.header(opened, "ce_source")).isEqualTo("/tanchang-grid/mediation-service");
        assertThat(opened.value()).contains("\"sourceReference\":\"" + reportId + "\"", "\"source\":\"PATROL_FINDING\"");
        // the statistics count the dispute on the patrol's day (it ended 00:30 on 12 May, county time), not on the day
        // this service processed the report
        JsonNode openedData = tools.jackson.databind.json.JsonMapper.builder().build().readTree(opened.value());
        assertThat(OffsetDateTime.parse(openedData.get("originatedAt").asString()).toInstant())
                .isEqualTo(java.time.Instant.parse("2026-05-11T16:30:00Z"));
        assertThat(OffsetDateTime.parse(openedData.get("openedAt").asString()).toInstant())
                .isAfter(java.time.Instant.parse("2026-05-12T00:00:00Z"));
        ConsumerRecord<String, String> scheduled = published(Topics.FOLLOW_UP_VISITS, reportId,
                "FollowUpVisitScheduled").get(0);
        assertThat(TestEvents.eventName(scheduled)).isEqualTo("FollowUpVisitScheduled");
        assertThat(scheduled.value()).contains("\"dueOn\":\"2026-05-15\"");
    }

    @Test
    void aRedeliveredReportHasNoSecondEffectAndRepairsAStepLostInACrash() {
        String reportId = "pr-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(eventId, cattleReport(reportId));
        await().atMost(Duration.ofSeconds(20)).until(() -> visitsOf(reportId).get("total").asLong() == 2);

        sendAndAwaitHandled(eventId, cattleReport(reportId));
        // the same report again under another event id (a producer's retry): still one dispute, one set of parties
        sendAndAwaitHandled(UUID.randomUUID().toString(), cattleReport(reportId));

        assertThat(disputesOf(reportId).get("total").asLong()).isEqualTo(2);
        assertThat(visitsOf(reportId).get("total").asLong()).isEqualTo(2);
        JsonNode first = api().get("/api/disputes/patrol-" + reportId + "-0").json();
        assertThat(first.get("parties").findValuesAsString("name")).containsExactly("杨某一", "杨家村药材合作社", "马某");
        assertThat(first.get("version").asLong()).isZero();

        // as if the process died after opening dispute 2 but before scheduling its visit
        mongo.remove(Query.query(Criteria.where("_id").is("patrol-" + reportId + "-2-visit-1")), "follow_up_visits");
        sendAndAwaitHandled(eventId, cattleReport(reportId));

        assertThat(visitsOf(reportId).get("total").asLong()).isEqualTo(2);
        assertThat(disputesOf(reportId).get("total").asLong()).isEqualTo(2);
        assertThat(published(Topics.DISPUTES, reportId, "DisputeOpened")).as("no second DisputeOpened").hasSize(2);
    }

    @Test
    void theMembersHintGivesTypeRiskAndPartiesAsIfTheMediatorHadAddedThem() {
        String reportId = "pr-" + UUID.randomUUID();
        send(UUID.randomUUID().toString(), cattleReport(reportId));
        await().atMost(Duration.ofSeconds(20)).until(() -> visitsOf(reportId).get("total").asLong() == 2);

        JsonNode hinted = api().get("/api/disputes/patrol-" + reportId + "-0").json();
        JsonNode plain = api().get("/api/disputes/patrol-" + reportId + "-2").json();

        assertThat(hinted.get("type").asString()).isEqualTo("LIVESTOCK_DAMAGE");
        assertThat(hinted.get("riskLevel").asString()).isEqualTo("MEDIUM");
        assertThat(hinted.get("level").asString()).isEqualTo("GRID");
        JsonNode parties = hinted.get("parties");
        assertThat(parties.findValuesAsString("name")).containsExactly("杨某一", "杨家村药材合作社", "马某");
        assertThat(parties.valueStream().map(p -> p.get("index").asInt()).toList()).containsExactly(0, 1, 2);
        assertThat(parties.findValuesAsString("role")).containsExactly("APPLICANT", "APPLICANT", "RESPONDENT");
        assertThat(parties.get(1).get("kind").asString()).isEqualTo("ORGANISATION");
        assertThat(parties.get(0).get("claims").asString()).isEqualTo("赔偿覆膜药苗损失");
        assertThat(parties.get(2).get("idNumber").isNull()).isTrue();
        assertThat(parties.get(2).get("phone").isNull()).isTrue();
        // a finding without a hint opens as before
        assertThat(plain.get("type").asString()).isEqualTo("OTHER");
        assertThat(plain.get("riskLevel").asString()).isEqualTo("MEDIUM");
        assertThat(plain.get("parties")).isEmpty();
        // a party the mediator adds later is numbered on after the member's
        JsonNode added = api().post("/api/disputes/patrol-" + reportId + "-0/add-parties", "{\"parties\":[{\"kind\":"
                + "\"PERSON\",\"role\":\"THIRD_PARTY\",\"name\":\"杨村长\"}]}").json();
        assertThat(added.get("parties").get(3).get("index").asInt()).isEqualTo(3);
    }

    @Test
    void aHighRiskHintGoesToTheTownshipAtOnceLikeAWalkInOfThatRisk() {
        String reportId = "pr-" + UUID.randomUUID();
        send(UUID.randomUUID().toString(), new PatrolReportSubmitted(reportId, YANGJIA_1, "杨家村第一网格", "621223101",
                "member-ldm", "李德明", OffsetDateTime.parse("2026-01-04T08:00:00+08:00"),
                OffsetDateTime.parse("2026-01-04T11:00:00+08:00"), null, List.of(new PatrolFinding(0,
                        FindingKind.DISPUTE, "两村村民因草山地界聚集对峙", null, List.of(), List.of(),
                        cattleHint(FindingDispute.RiskLevel.HIGH)))));
        String id = "patrol-" + reportId + "-0";
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/disputes/" + id).status() == 200);

        JsonNode dispute = api().get("/api/disputes/" + id).json();

        assertThat(dispute.get("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(dispute.get("level").asString()).isEqualTo("TOWNSHIP");
        assertThat(dispute.get("timeline").findValuesAsString("action")).containsExactly("open", "escalate");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(published(Topics.DISPUTES, reportId)
                .stream().map(r -> TestEvents.eventName(r)).distinct().toList())
                .containsExactlyInAnyOrder("DisputeOpened", "DisputeEscalated"));
        assertThat(published(Topics.DISPUTES, reportId).stream()
                .filter(r -> "DisputeOpened".equals(TestEvents.eventName(r))).findFirst().orElseThrow().value())
                .as("statistics count disputes by their type at opening")
                .contains("\"type\":\"LIVESTOCK_DAMAGE\"", "\"riskLevel\":\"HIGH\"");
    }

    @Test
    void codesThisServiceDoesNotKnowFallBackAndAnInvalidPartyIsLeftOut() {
        String reportId = "pr-" + UUID.randomUUID();
        String json = new EventJson().write(cattleReport(reportId))
                .replace("\"LIVESTOCK_DAMAGE\"", "\"SHEEP_DAMAGE\"").replace("\"MEDIUM\"", "\"SEVERE\"")
                .replace("\"role\":\"RESPONDENT\"", "\"role\":\"CULPRIT\"");
        TestEvents.send(Topics.PATROL_REPORTS, UUID.randomUUID().toString(), PatrolReportSubmitted.TYPE.type(),
                reportId, PatrolReportSubmitted.TYPE.dataSchema(), json);
        await().atMost(Duration.ofSeconds(20)).until(() -> visitsOf(reportId).get("total").asLong() == 2);

        JsonNode dispute = api().get("/api/disputes/patrol-" + reportId + "-0").json();

        assertThat(dispute.get("type").asString()).isEqualTo("OTHER");
        assertThat(dispute.get("riskLevel").asString()).isEqualTo("MEDIUM");
        assertThat(dispute.get("parties").findValuesAsString("name")).containsExactly("杨某一", "杨家村药材合作社");
    }

    @Test
    void badQueryParametersAreValidationProblems() {
        var tooBig = api().get("/api/disputes?size=101");
        var badGrid = api().get("/api/disputes?gridCode=abc&page=-1");
        var badState = api().get("/api/disputes?state=SETTLED_BY_MAGIC");
        var badDate = api().get("/api/follow-up-visits?dueBefore=next-tuesday");
        var badVisitSize = api().get("/api/follow-up-visits?size=0");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooBig.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:validation");
        assertThat(tooBig.json().get("errors").findValuesAsString("field")).containsExactly("size");
        assertThat(badGrid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("gridCode", "page");
        assertThat(badVisitSize.json().get("errors").findValuesAsString("field")).containsExactly("size");
        // a value of the wrong type fails conversion before validation: named, never echoed
        assertThat(badState.json().get("errors").findValuesAsString("field")).containsExactly("state");
        assertThat(badDate.json().get("errors").findValuesAsString("field")).containsExactly("dueBefore");
        assertThat(badState.text()).doesNotContain("SETTLED_BY_MAGIC");
        for (var r : List.of(badState, badDate)) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:validation");
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.text()).doesNotContain("java.", "Exception");
        }
    }

    @Test
    void unknownIdsAreNotFoundProblems() {
        var dispute = api().get("/api/disputes/patrol-pr-nope-9");
        var visit = api().get("/api/follow-up-visits/patrol-pr-nope-9-visit-1");

        assertThat(dispute.status()).isEqualTo(404);
        assertThat(dispute.header("Content-Type")).startsWith("application/problem+json");
        assertThat(dispute.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:not-found");
        assertThat(dispute.json().get("detail").asString()).isEqualTo("Dispute patrol-pr-nope-9 does not exist");
        assertThat(visit.status()).isEqualTo(404);
        assertThat(visit.json().get("detail").asString())
                .isEqualTo("Follow-up visit patrol-pr-nope-9-visit-1 does not exist");
    }

    @Test
    void theOpenApiDocumentDescribesBothResourcesWithTheirAccessProblems() {
        JsonNode doc = ApiClient.local(port).get("/v3/api-docs").json();
        assertThat(doc.get("info").get("title").asString()).isEqualTo("Tanchang Grid: mediation-service");
        assertThat(doc.get("paths").has("/api/disputes/{id}")).isTrue();
        assertThat(doc.get("paths").get("/api/follow-up-visits").get("get").get("responses").has("400")).isTrue();
        for (String path : List.of("/api/disputes", "/api/disputes/{id}", "/api/follow-up-visits",
                "/api/follow-up-visits/{id}")) {
            JsonNode get = doc.get("paths").get(path).get("get");
            assertThat(get.get("summary").asString()).as(path).isNotBlank();
            assertThat(get.get("responses").propertyNames()).as(path).contains("200", "401", "403");
            assertThat(get.get("responses").get("403").get("content").has("application/problem+json")).as(path).isTrue();
            assertThat(get.get("x-allowed-roles").valueStream().map(JsonNode::asString).toList()).as(path)
                    .containsExactlyInAnyOrder("MEDIATOR", "OFFICER", "AUXILIARY_OFFICER", "GRID_MEMBER", "SUPERVISOR",
                            "ADMIN");
            if (path.endsWith("{id}")) {
                assertThat(get.get("responses").propertyNames()).as(path).contains("404");
            }
        }
    }
}
