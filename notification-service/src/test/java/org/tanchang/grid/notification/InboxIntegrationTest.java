package org.tanchang.grid.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** notification-service against the real broker and wire server: patrol reports in, inbox notifications out. */
@ServiceIntegrationTest
class InboxIntegrationTest {

    static final String YANGJIA_1 = TestUsers.YANGJIA_GRID;
    static final ResponsibleOfficer WANG = new ResponsibleOfficer("officer-lichuan-01", "王建军");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    /** WANG himself: the recipient of the notifications is the officer the report names, the token's subject. */
    private ApiClient api() {
        return ApiClient.local(port).withToken(TestUsers.token(WANG.id(), "OFFICER", TestUsers.LICHUAN));
    }

    /** Cattle trampled the mulched herb seedlings in 杨家村: two DISPUTE findings and one INCIDENT. */
    static PatrolReportSubmitted cattleReport(String reportId, ResponsibleOfficer officer) {
        return new PatrolReportSubmitted(reportId, YANGJIA_1, "杨家村第一网格", "621223101", "member-ldm", "李德明",
                OffsetDateTime.parse("2026-05-11T21:00:00+08:00"), OffsetDateTime.parse("2026-05-12T00:30:00+08:00"),
                officer,
                List.of(new PatrolFinding(0, FindingKind.DISPUTE, "牧民马某的牛群踩踏了十余户药农的覆膜药苗",
                                new GeoPoint(104.392, 34.047)),
                        new PatrolFinding(1, FindingKind.INCIDENT, "有人趁乱拔走了部分当归苗", null),
                        new PatrolFinding(2, FindingKind.DISPUTE, "药农杨某与马某就赔偿数额当场争执", null)));
    }

    private static void send(String eventId, PatrolReportSubmitted report) {
        TestEvents.publish(PatrolReportSubmitted.TYPE, eventId, report.reportId(), report);
    }

    /** Sends and waits until the listener has handled the record, so "nothing more happened" can be asserted. */
    private void sendAndAwaitHandled(String eventId, PatrolReportSubmitted report) {
        TestEvents.publishAndAwaitHandled(meters, PatrolReportSubmitted.TYPE, eventId, report.reportId(), report);
    }

    private JsonNode about(String reportId) {
        return api().get("/api/notifications?subjectId=" + reportId).json();
    }

    /** Sends a report for WANG and returns its notification once recorded. */
    private JsonNode notifiedOf(String reportId) {
        send(UUID.randomUUID().toString(), cattleReport(reportId, WANG));
        await().atMost(Duration.ofSeconds(20)).until(() -> about(reportId).get("total").asLong() == 1);
        return about(reportId).get("items").get(0);
    }

    @Test
    void aPatrolReportNotifiesTheGridsResponsibleOfficer() {
        String reportId = "pr-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(eventId, cattleReport(reportId, WANG));

        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/notifications?subjectId=" + reportId
                + "&unread=true").json().get("total").asLong() == 1);
        JsonNode n = api().get("/api/notifications/" + eventId + "-officer-lichuan-01-INBOX").json();
        assertThat(n.get("title").asString()).isEqualTo("网格巡查报告：杨家村第一网格");
        assertThat(n.get("body").asString()).contains("李德明", "矛盾纠纷 2 项", "警情 1 项");
        assertThat(n.get("recipientName").asString()).isEqualTo("王建军");
        assertThat(n.get("channel").asString()).isEqualTo("INBOX");
        assertThat(n.get("subjectType").asString()).isEqualTo("PATROL_REPORT");
        assertThat(n.get("subjectId").asString()).isEqualTo(reportId);
        assertThat(n.get("gridCode").asString()).isEqualTo(YANGJIA_1);
        assertThat(n.get("sourceEventId").asString()).isEqualTo(eventId);
        assertThat(n.get("sourceEventType").asString()).isEqualTo("PatrolReportSubmitted");
        assertThat(n.get("createdAt").asString()).endsWith("+08:00");
        assertThat(n.get("recipientId").asString()).isEqualTo(WANG.id());
        assertThat(n.get("readAt").isNull()).isTrue();
        assertThat(api().get("/api/notifications?gridCode=" + YANGJIA_1)
                .json().get("items").findValuesAsString("subjectId")).contains(reportId);
    }

    @Test
    void aDuplicateEventNotifiesOnce() {
        String reportId = "pr-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(eventId, cattleReport(reportId, WANG));
        await().atMost(Duration.ofSeconds(20)).until(() -> about(reportId).get("total").asLong() == 1);

        sendAndAwaitHandled(eventId, cattleReport(reportId, WANG));

        assertThat(about(reportId).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aReportOfAGridWithoutResponsibleOfficerNotifiesNobody() {
        String reportId = "pr-" + UUID.randomUUID();

        sendAndAwaitHandled(UUID.randomUUID().toString(), cattleReport(reportId, null));

        // asked of the store, not of an inbox: a notification without recipient would be in nobody's
        assertThat(mongo.count(Query.query(Criteria.where("subjectId").is(reportId)), "notifications")).isZero();
    }

    @Test
    void markingReadIsIdempotent() {
        String reportId = "pr-" + UUID.randomUUID();
        String id = notifiedOf(reportId).get("id").asString();

        var first = api().post("/api/notifications/" + id + "/read", "");
        var again = api().post("/api/notifications/" + id + "/read", "");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("readAt").asString()).endsWith("+08:00");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("readAt").asString()).isEqualTo(first.json().get("readAt").asString());
        assertThat(api().get("/api/notifications?subjectId=" + reportId + "&unread=true").json().get("total").asLong())
                .isZero();
        assertThat(api().get("/api/notifications?subjectId=" + reportId + "&unread=false").json().get("total").asLong())
                .isEqualTo(1);
        assertThat(api().get("/api/notifications/" + id).json().get("readAt").asString())
                .isEqualTo(first.json().get("readAt").asString());
    }

    @Test
    void anInboxIsPersonalEvenForTheCountySupervisor() {
        String reportId = "pr-" + UUID.randomUUID();
        String id = notifiedOf(reportId).get("id").asString();
        ApiClient colleague = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
        ApiClient county = ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.COUNTY));

        for (ApiClient other : List.of(colleague, county)) {
            var read = other.get("/api/notifications/" + id);
            var mark = other.post("/api/notifications/" + id + "/read", "");
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.json().get("detail").asString()).as("the same answer as for a missing notification")
                    .isEqualTo("Notification " + id + " does not exist");
            assertThat(mark.status()).isEqualTo(404);
            assertThat(other.get("/api/notifications?subjectId=" + reportId).json().get("total").asLong()).isZero();
            assertThat(other.get("/api/notifications?recipientId=" + WANG.id() + "&subjectId=" + reportId).json()
                    .get("total").asLong()).as("naming the recipient does not open their inbox").isZero();
        }
        assertThat(api().get("/api/notifications/" + id).json().get("readAt").isNull())
                .as("someone else's attempt did not mark it read").isTrue();
    }

    @Test
    void badInputIsAValidationProblemAndUnknownIdsAreNotFound() {
        var tooBig = api().get("/api/notifications?size=101");
        var badGrid = api().get("/api/notifications?gridCode=12&page=-1");
        var badUnread = api().get("/api/notifications?unread=maybe");
        var missing = api().get("/api/notifications/nope");
        var readMissing = api().post("/api/notifications/nope/read", "");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooBig.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:validation");
        assertThat(tooBig.json().get("errors").findValuesAsString("field")).containsExactly("size");
        assertThat(badGrid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("gridCode", "page");
        assertThat(badUnread.status()).isEqualTo(400);
        assertThat(badUnread.header("Content-Type")).startsWith("application/problem+json");
        for (var r : List.of(missing, readMissing)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:not-found");
            assertThat(r.json().get("detail").asString()).isEqualTo("Notification nope does not exist");
        }
    }

    @Test
    void theOpenApiDocumentDescribesThePersonalInbox() {
        JsonNode paths = ApiClient.local(port).get("/v3/api-docs").json().get("paths");

        assertThat(paths.get("/api/notifications").get("get").get("parameters").findValuesAsString("name"))
                .as("the recipient is the caller, not a parameter").doesNotContain("recipientId");
        for (JsonNode operation : List.of(paths.get("/api/notifications").get("get"),
                paths.get("/api/notifications/{id}").get("get"), paths.get("/api/notifications/{id}/read").get("post"))) {
            assertThat(operation.get("summary").asString()).isNotBlank();
            assertThat(operation.get("responses").propertyNames()).contains("200", "401", "403");
            assertThat(operation.get("x-allowed-roles").valueStream().map(JsonNode::asString).toList())
                    .containsExactlyInAnyOrderElementsOf(Roles.ALL);
        }
        assertThat(paths.get("/api/notifications/{id}/read").get("post").get("responses").get("404").get("content")
                .has("application/problem+json")).isTrue();
    }

    @Test
    void everyOperationIsDocumentedWithItsProblems() {
        JsonNode paths = ApiClient.local(port).get("/v3/api-docs").json().get("paths");

        for (var path : paths.properties()) {
            if (!path.getKey().startsWith("/api/notifications")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                String what = operation.getKey() + " " + path.getKey();
                JsonNode op = operation.getValue();
                assertThat(op.get("summary").asString()).as(what).isNotBlank();
                assertThat(op.get("description").asString()).as(what).isNotBlank();
                assertThat(op.get("responses").propertyNames()).as(what).contains("401", "403");
                for (String problem : List.of("400", "401", "403", "404", "409")) {
                    if (op.get("responses").has(problem)) {
                        assertThat(op.get("responses").get(problem).get("content").has("application/problem+json"))
                                .as(what + " " + problem).isTrue();
                    }
                }
            }
        }
        assertThat(paths.get("/api/notifications/stream").get("get").get("responses").get("200").get("content")
                .has("text/event-stream")).isTrue();
    }

    @Test
    void aNewStreamAnswersAtOnceWithAReconnectHintBeforeAnyMessage() throws Exception {
        // an EventSource reports "open" only once the headers arrive; they must not wait for the first message or
        // the first keep-alive
        SseStream stream = SseStream.open(port, "citizen-opens-" + UUID.randomUUID(), "");

        await().atMost(Duration.ofSeconds(10)).until(() -> stream.lines().size() >= 2);
        assertThat(stream.lines().subList(0, 2)).containsExactly("retry:3000", ":inbox stream open");
        assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
    }
}
