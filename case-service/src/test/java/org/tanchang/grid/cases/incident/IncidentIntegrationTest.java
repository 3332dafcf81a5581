package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.incident.IncidentOpened;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** case-service against the real Kafka broker and Mongo wire server, as grid-service and API clients see it. */
@ServiceIntegrationTest
class IncidentIntegrationTest {

    /** 杨家村's first grid, in 理川镇. */
    private static final String GRID = TestUsers.YANGJIA_GRID;
    private static final String CASE_NUMBER = "621223-\\d{8}-\\d{5}";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CaseNumbers caseNumbers;

    /** An officer of 理川镇, whose area holds {@link #GRID}. */
    private ApiClient api() {
        return as(TestUsers.officer(TestUsers.LICHUAN));
    }

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private static PatrolReportSubmitted patrolReport(String reportId) {
        OffsetDateTime ended = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
        return new PatrolReportSubmitted(reportId, GRID, "杨家村第一网格", "621223101", "gm-li-jianguo", "李建国",
                ended.minusHours(2), ended, new ResponsibleOfficer("po-wang-hai", "王海"), List.of(
                        new PatrolFinding(0, FindingKind.DISPUTE, "两户因牛踩踏地膜发生争执", null),
                        new PatrolFinding(1, FindingKind.INCIDENT, "药材地里的当归被盗，地边有三轮车车辙",
                                new GeoPoint(104.3948, 34.0472)),
                        new PatrolFinding(2, FindingKind.HAZARD, "公路上方护栏破损", null)));
    }

    private static void send(String eventId, PatrolReportSubmitted report) {
        TestEvents.publish(PatrolReportSubmitted.TYPE, eventId, report.reportId(), report);
    }

    private double patrolReportsConsumed() {
        Counter counter = meters.find("tanchang.events.consumed")
                .tags("topic", Topics.PATROL_REPORTS, "outcome", "success").counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode incidentsFrom(String sourceReference) {
        return api().get("/api/incidents?sourceReference=" + sourceReference).json();
    }

    private List<ConsumerRecord<String, String>> incidentOpenedEventsOf(String incidentId) {
        return TestEvents.readAll(Topics.INCIDENTS, Duration.ofSeconds(1)).stream()
                .filter(r -> incidentId.equals(TestEvents.header(r, "ce_subject"))).toList();
    }

    private long incidentsStored() {
        return mongo.getCollection("incidents").countDocuments();
    }

    private long numbersAllocated() {
        return mongo.findAll(Document.class, CaseNumbers.COLLECTION).stream()
                .mapToLong(d -> ((Number) d.get("last")).longValue()).sum();
    }

    @Test
    void anIncidentFindingOfAPatrolReportOpensOneIncidentAndPublishesIncidentOpened() {
        String reportId = "pr-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        PatrolReportSubmitted report = patrolReport(reportId);

        send(eventId, report);

        await().atMost(Duration.ofSeconds(20)).until(() -> incidentsFrom(reportId).get("total").asLong() == 1);
        JsonNode incident = incidentsFrom(reportId).get("items").get(0);
        String id = incident.get("id").asString();
        assertThat(id).isEqualTo("patrol-" + reportId + "-1");
        assertThat(incident.get("caseNumber").asString()).matches(CASE_NUMBER);
        assertThat(incident.get("state").asString()).isEqualTo("REPORTED");
        assertThat(incident.get("source").asString()).isEqualTo("PATROL_FINDING");
        assertThat(incident.get("gridCode").asString()).isEqualTo(GRID);
        assertThat(incident.get("description").asString()).isEqualTo("药材地里的当归被盗，地边有三轮车车辙");
        assertThat(incident.get("location").get("longitude").asDouble()).isEqualTo(104.3948);
        assertThat(incident.get("reportedAt").asString()).endsWith("+08:00");
        assertThat(OffsetDateTime.parse(incident.get("reportedAt").asString()).toInstant())
                .isEqualTo(report.endedAt().toInstant());
        assertThat(incident.get("timeline")).hasSize(1);
        assertThat(incident.get("timeline").get(0).get("state").asString()).isEqualTo("REPORTED");
        assertThat(incident.get("timeline").get(0).get("actor").asString()).isEqualTo("gm-li-jianguo");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> events = incidentOpenedEventsOf(id);
            assertThat(events).hasSize(1);
            ConsumerRecord<String, String> event = events.get(0);
            assertThat(event.key()).isEqualTo(id);
            assertThat(TestEvents.eventName(event)).isEqualTo(IncidentOpened.TYPE.type());
            assertThat(TestEvents.header(event, "ce_source")).isEqualTo("/tanchang-grid/case-service");
            assertThat(TestEvents.header(event, "ce_dataschema")).isEqualTo(IncidentOpened.TYPE.dataSchema());
            assertThat(event.value()).contains("\"caseNumber\":\"" + incident.get("caseNumber").asString() + "\"",
                    "\"source\":\"PATROL_FINDING\"", "\"sourceReference\":\"" + reportId + "\"", "+08:00");
        });
        assertThat(mongo.findById(id, Document.class, "incidents").getList("outbox", Object.class))
                .as("removed after the broker's ack").isEmpty();

        // a redelivery (same ce_id) and a re-send of the same report (new ce_id) have no second effect
        double consumed = patrolReportsConsumed();
        long allocated = numbersAllocated();
        send(eventId, report);
        send(UUID.randomUUID().toString(), report);
        await().atMost(Duration.ofSeconds(20)).until(() -> patrolReportsConsumed() >= consumed + 2);

        assertThat(incidentsFrom(reportId).get("total").asLong()).isEqualTo(1);
        assertThat(numbersAllocated()).as("no case number burnt on a duplicate").isEqualTo(allocated);
        assertThat(incidentOpenedEventsOf(id)).hasSize(1);
    }

    @Test
    void badReportsAre400ProblemsNamingTheFieldAndStoreNothing() {
        long incidents = incidentsStored();
        long allocated = numbersAllocated();
        String future = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).toString();

        Map<String, String> fieldOfBody = Map.of(
                "description", "{\"source\":\"WALK_IN\",\"gridCode\":\"" + GRID + "\"}",
                "gridCode", "{\"source\":\"WALK_IN\",\"gridCode\":\"123\",\"description\":\"被盗\"}",
                "priority", "{\"source\":\"WALK_IN\",\"gridCode\":\"" + GRID + "\",\"description\":\"被盗\",\"priority\":1}",
                "source", "{\"source\":\"PATROL_FINDING\",\"gridCode\":\"" + GRID + "\",\"description\":\"被盗\"}",
                "reportedAt", "{\"source\":\"CALL_110\",\"gridCode\":\"" + GRID + "\",\"description\":\"被盗\","
                        + "\"reportedAt\":\"" + future + "\"}",
                "location.latitude", "{\"source\":\"CALL_110\",\"gridCode\":\"" + GRID + "\",\"description\":\"被盗\","
                        + "\"location\":{\"longitude\":104.39,\"latitude\":134.0}}");

        fieldOfBody.forEach((field, body) -> {
            var response = api().post("/api/incidents", body);
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).startsWith("urn:tanchang-grid:problem:");
            assertThat(response.json().get("errors").findValuesAsString("field")).as(body).contains(field);
            assertThat(response.text()).doesNotContain("java.", "Exception");
        });
        assertThat(incidentsStored()).isEqualTo(incidents);
        assertThat(numbersAllocated()).isEqualTo(allocated);
    }

    @Test
    void aFractionOfAFenANumberForTextAndAReversedPeriodAre400ProblemsThatChangeNothing() {
        var created = api().post("/api/incidents", "{\"source\":\"WALK_IN\",\"gridCode\":\"" + GRID
                + "\",\"description\":\"药农被骗收购款\"}");
        String id = created.json().get("id").asString();
        assertThat(api().send("PUT", "/api/incidents/" + id + "/money", "{\"amountInvolvedFen\":200000}",
                "Content-Type", "application/json").status()).isEqualTo(200);
        long incidents = incidentsStored();

        var fraction = api().send("PUT", "/api/incidents/" + id + "/money", "{\"amountInvolvedFen\":12.5}",
                "Content-Type", "application/json");
        var numberForText = api().post("/api/incidents", "{\"source\":\"WALK_IN\",\"gridCode\":\"" + GRID
                + "\",\"description\":12345}");
        var reversed = api().get("/api/incidents?reportedFrom=2026-12-01T00:00:00%2B08:00"
                + "&reportedTo=2026-11-01T00:00:00%2B08:00");

        assertThat(fraction.status()).as(fraction.text()).isEqualTo(400);
        assertThat(fraction.json().get("errors").findValuesAsString("field")).containsExactly("amountInvolvedFen");
        assertThat(numberForText.status()).as(numberForText.text()).isEqualTo(400);
        assertThat(numberForText.json().get("errors").findValuesAsString("field")).containsExactly("description");
        assertThat(reversed.status()).as(reversed.text()).isEqualTo(400);
        assertThat(reversed.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:validation");
        assertThat(reversed.json().get("errors").findValuesAsString("field")).containsExactly("reportedFrom");
        for (var response : List.of(fraction, numberForText, reversed)) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api().get("/api/incidents/" + id).json().get("details").get("amountInvolvedFen").asLong())
                .as("the stored amount is unchanged").isEqualTo(200000);
        assertThat(incidentsStored()).isEqualTo(incidents);
    }

    @Test
    void aWalkInReportIsCreatedWithALocationAndCanBeReadAndListed() {
        String grid = "621223102003004";   // a grid of 木耳乡
        ApiClient muerOfficer = as(TestUsers.officer(TestUsers.MUER));
        // Instant's text always carries seconds; OffsetDateTime drops ":00", which Instant.parse then refuses.
        String reportedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        String body = "{\"source\":\"WALK_IN\",\"gridCode\":\"" + grid + "\",\"description\":\"旅客在高速服务区丢失背包，"
                + "内有身份证和银行卡\",\"sourceReference\":\"desk-001\",\"reportedAt\":\"" + reportedAt + "\"}";

        var first = muerOfficer.post("/api/incidents", body);
        var second = muerOfficer.post("/api/incidents", body.replace("desk-001", "desk-002"));

        assertThat(first.status()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(first.header("Location")).isEqualTo("/api/incidents/" + id);
        assertThat(first.json().get("caseNumber").asString()).matches(CASE_NUMBER);
        assertThat(first.json().get("reportedAt").asString()).endsWith("+08:00");
        assertThat(OffsetDateTime.parse(first.json().get("reportedAt").asString()).toInstant())
                .isEqualTo(Instant.parse(reportedAt));
        assertThat(first.json().get("timeline").get(0).get("actor").asString()).as("the caller, from the token")
                .isEqualTo("officer-" + TestUsers.MUER);
        assertThat(first.json().get("reporter").isNull()).as("no reporter details given").isTrue();
        assertThat(first.json().get("version").asLong()).isZero();

        var read = muerOfficer.get(first.header("Location"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(first.json());

        var listed = muerOfficer.get("/api/incidents?gridCode=" + grid + "&source=WALK_IN&state=REPORTED&size=10")
                .json();
        assertThat(listed.get("total").asLong()).isEqualTo(2);
        assertThat(listed.get("page").asInt()).isZero();
        assertThat(listed.get("size").asInt()).isEqualTo(10);
        assertThat(listed.get("items").findValuesAsString("caseNumber")).as("newest case number first")
                .containsExactly(second.json().get("caseNumber").asString(), first.json().get("caseNumber").asString());
        assertThat(muerOfficer.get("/api/incidents?gridCode=" + grid + "&source=CALL_110").json().get("total")
                .asLong()).isZero();
    }

    @Test
    void aRetriedReportWithTheSameIdempotencyKeyReturnsTheFirstIncidentOfThatCallerOnly() {
        String body = "{\"source\":\"CALL_110\",\"gridCode\":\"" + GRID + "\",\"description\":\"有人在集市上打架\"}";
        String key = "desk-" + UUID.randomUUID();
        ApiClient otherDesk = as(TestUsers.token("officer-zhang-min", "OFFICER", TestUsers.LICHUAN));

        var first = api().post("/api/incidents", body, "Idempotency-Key", key);
        var retry = api().post("/api/incidents", body, "Idempotency-Key", key);
        var sameKeyOtherCaller = otherDesk.post("/api/incidents", body, "Idempotency-Key", key);
        var otherCallersRetry = otherDesk.post("/api/incidents", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(retry.json().get("caseNumber").asString()).isEqualTo(first.json().get("caseNumber").asString());
        assertThat(sameKeyOtherCaller.status()).as("another caller's key is another report").isEqualTo(201);
        assertThat(sameKeyOtherCaller.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
        assertThat(sameKeyOtherCaller.json().get("caseNumber").asString())
                .isNotEqualTo(first.json().get("caseNumber").asString());
        assertThat(sameKeyOtherCaller.json().get("timeline").get(0).get("actor").asString())
                .isEqualTo("officer-zhang-min");
        assertThat(otherCallersRetry.status()).isEqualTo(200);
        assertThat(otherCallersRetry.json().get("id").asString())
                .isEqualTo(sameKeyOtherCaller.json().get("id").asString());
    }

    @Test
    void aReportIntoAGridOutsideTheCallersAreaIs403AndLeavesNoTrace() {
        String description = "木耳乡的民警替杨家村报案 " + UUID.randomUUID();
        String body = "{\"source\":\"WALK_IN\",\"gridCode\":\"" + GRID + "\",\"description\":\"" + description
                + "\",\"reporter\":{\"phone\":\"13800138000\"}}";
        long incidents = incidentsStored();
        long allocated = numbersAllocated();

        var refused = as(TestUsers.officer(TestUsers.MUER)).post("/api/incidents", body, "Idempotency-Key",
                "desk-muer-0001");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:forbidden");
        assertThat(incidentsStored()).isEqualTo(incidents);
        assertThat(numbersAllocated()).as("no case number used").isEqualTo(allocated);
        assertThat(TestEvents.readAll(Topics.INCIDENTS, Duration.ofSeconds(1)))
                .noneMatch(r -> r.value().contains(description));
    }

    @Test
    void anIncidentOutsideTheCallersAreaIsNotFoundAndListsLeaveItOut() {
        String reference = "desk-" + UUID.randomUUID();
        String id = api().post("/api/incidents", "{\"source\":\"REFERRAL\",\"gridCode\":\"" + GRID
                + "\",\"description\":\"综治中心转来的邻里纠纷升级\",\"sourceReference\":\"" + reference + "\"}")
                .json().get("id").asString();
        ApiClient ownGridMember = as(TestUsers.gridMember(TestUsers.YANGJIA_GRID));
        ApiClient otherGridMember = as(TestUsers.gridMember(TestUsers.LASHA_GRID));
        ApiClient otherTownship = as(TestUsers.officer(TestUsers.MUER));
        ApiClient county = as(TestUsers.supervisor(TestUsers.COUNTY));

        assertThat(ownGridMember.get("/api/incidents/" + id).status()).isEqualTo(200);
        assertThat(county.get("/api/incidents/" + id).status()).isEqualTo(200);
        var hidden = otherTownship.get("/api/incidents/" + id);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asString()).as("the same as for an id that does not exist")
                .isEqualTo("Incident " + id + " does not exist");
        assertThat(otherGridMember.get("/api/incidents/" + id).status()).isEqualTo(404);

        String byReference = "/api/incidents?sourceReference=" + reference;
        assertThat(ownGridMember.get(byReference).json().get("total").asLong()).isEqualTo(1);
        assertThat(county.get(byReference).json().get("total").asLong()).isEqualTo(1);
        assertThat(otherGridMember.get(byReference).json().get("total").asLong()).isZero();
        assertThat(otherTownship.get(byReference).json().get("total").asLong()).isZero();
        assertThat(otherTownship.get(byReference + "&gridCode=" + GRID).json().get("total").asLong())
                .as("naming the grid does not widen the scope").isZero();
    }

    @Test
    void withoutATokenOrWithTheWrongRoleNothingIsReportedOrRead() {
        String body = "{\"source\":\"CALL_110\",\"gridCode\":\"" + GRID + "\",\"description\":\"有人打架\"}";
        long incidents = incidentsStored();

        var anonymous = ApiClient.local(port).post("/api/incidents", body);
        var gridMember = as(TestUsers.gridMember(GRID)).post("/api/incidents", body);
        var citizenReads = as(TestUsers.citizen("citizen-li")).get("/api/incidents");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(gridMember.status()).as("grid members report through patrol reports").isEqualTo(403);
        assertThat(citizenReads.status()).isEqualTo(403);
        assertThat(incidentsStored()).isEqualTo(incidents);
    }

    /**
     * Issue 13, item 1, the field finding: market-supervision's token with only cases.read got 201 on POST
     * /api/incidents. A read client reads; only a client granted cases.write reports.
     */
    @Test
    void aCasesReadOnlyClientReadsIncidentsButCannotReportOne() {
        String body = "{\"source\":\"OTHER_SYSTEM\",\"gridCode\":\"" + GRID + "\",\"description\":\"市场监管移送："
                + "无照经营\"}";
        String existing = as(TestUsers.officer(TestUsers.LICHUAN)).post("/api/incidents", body).json().get("id")
                .asString();
        long incidents = incidentsStored();
        ApiClient marketSupervision = as(TestUsers.system("market-supervision", "cases.read"));

        var report = marketSupervision.post("/api/incidents", body);
        assertThat(report.status()).isEqualTo(403);
        assertThat(report.header("Content-Type")).startsWith("application/problem+json");
        assertThat(report.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:forbidden");
        assertThat(report.json().get("detail").asString()).contains("cases.write");
        assertThat(incidentsStored()).as("nothing stored").isEqualTo(incidents);

        assertThat(marketSupervision.get("/api/incidents/" + existing).status()).isEqualTo(200);
        var listed = marketSupervision.get("/api/incidents?gridCode=" + GRID + "&size=100");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(marketSupervision.get("/api/incident-types").status()).isEqualTo(200);

        var writer = as(TestUsers.system("county-command-center", "cases.write")).post("/api/incidents", body);
        assertThat(writer.status()).as(writer.text()).isEqualTo(201);
        assertThat(writer.json().get("source").asString()).isEqualTo("OTHER_SYSTEM");
    }

    @Test
    void pagingBeyondTheLimitAndUnknownFiltersAre400() {
        var tooBig = api().get("/api/incidents?size=500");
        var badState = api().get("/api/incidents?state=SOLVED_BY_MAGIC");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooBig.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:validation");
        assertThat(tooBig.json().get("errors").findValuesAsString("field")).containsExactly("size");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.text()).doesNotContain("java.", "Exception");
    }

    @Test
    void anUnknownIncidentIsA404Problem() {
        var missing = api().get("/api/incidents/inc-does-not-exist");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:not-found");
        assertThat(missing.json().get("detail").asString()).isEqualTo("Incident inc-does-not-exist does not exist");
    }

    @Test
    void caseNumbersOfOneDayAreConsecutive() {
        Instant now = Instant.now();
        String a = caseNumbers.next(now);
        String b = caseNumbers.next(now);

        assertThat(a).matches(CASE_NUMBER);
        assertThat(b.substring(0, 15)).isEqualTo(a.substring(0, 15));
        assertThat(Long.parseLong(b.substring(16))).isEqualTo(Long.parseLong(a.substring(16)) + 1);
    }

    @Test
    void theOpenApiDocumentDescribesTheIncidentsApi() {
        JsonNode doc = ApiClient.local(port).get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");

        JsonNode report = paths.get("/api/incidents").get("post");
        JsonNode list = paths.get("/api/incidents").get("get");
        JsonNode get = paths.get("/api/incidents/{id}").get("get");
        assertThat(report.get("responses").properties()).extracting(e -> e.getKey())
                .contains("200", "201", "400", "401", "403");
        assertThat(list.get("responses").properties()).extracting(e -> e.getKey()).contains("200", "400", "401", "403");
        assertThat(get.get("responses").properties()).extracting(e -> e.getKey()).contains("200", "401", "403", "404");
        assertThat(report.get("responses").get("403").get("content").has("application/problem+json")).isTrue();
        for (JsonNode operation : List.of(report, list, get)) {
            assertThat(operation.get("summary").asString()).isNotBlank();
            assertThat(operation.get("description").asString()).contains("Roles: ");
        }
        assertThat(report.get("x-allowed-roles").toString()).contains("OFFICER", "AUXILIARY_OFFICER", "SYSTEM")
                .doesNotContain("GRID_MEMBER", "CITIZEN");
        assertThat(report.get("x-required-scopes").toString()).isEqualTo("[\"cases.write\"]");
        assertThat(list.get("x-required-scopes").toString()).isEqualTo("[\"cases.read\"]");
        assertThat(report.get("description").asString()).contains("need one of the scopes: cases.write");
        assertThat(get.get("parameters").findValuesAsString("name")).as("the caller comes from the token")
                .containsExactlyInAnyOrder("id", "unmask");
        assertThat(get.get("parameters").toString()).contains("audit trail");
        assertThat(list.get("parameters").findValuesAsString("name")).contains("reporterPhone", "reporterIdNumber");
        assertThat(doc.get("components").get("schemas").has("ReportIncident")).isTrue();
        assertThat(doc.get("components").get("schemas").get("ReportIncident").get("properties").has("reporter"))
                .isTrue();
    }
}
