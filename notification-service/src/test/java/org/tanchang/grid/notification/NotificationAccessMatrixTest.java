package org.tanchang.grid.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.platform.test.AccessMatrixTest;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * The access matrix of notification-service: the object of every rule is a fresh notification in the inbox of the
 * matrix's township officer ({@code officer-own-township}), recorded the way production records it, from a patrol
 * report that names that officer as responsible. Same context as the other tests of this module (no own
 * properties), so one listener consumes the patrol reports.
 */
@ServiceIntegrationTest
class NotificationAccessMatrixTest extends AccessMatrixTest {

    /** The subject of the matrix's profile "OFFICER own-township". */
    static final String OWNER = "officer-own-township";

    /** A kind the matrix's events never produce, so its subscriptions are never called. */
    static final String WEBHOOK = """
            {"name":"matrix","url":"http://localhost:1/hook","secret":"a-secret-of-at-least-32-characters!!",
             "kinds":["LOST_ITEM_MATCH_RELEASED"]}""";

    /** The subject (and client id) of the matrix's profile "SYSTEM write-client", which owns the webhook fixtures. */
    static final String WEBHOOK_OWNER = "system-write-client";

    @Autowired
    MongoTemplate mongo;

    @Override
    protected Fixture fixture(Expectation operation) {
        String path = operation.path();
        boolean webhookList = path.endsWith("/webhooks") && operation.method().equals("GET");
        if (webhookList || path.startsWith("/api/notifications/webhooks/")) {
            String id = "wh-" + UUID.randomUUID();
            mongo.insert(new Document(Map.of("_id", id, "name", "matrix", "url", "http://localhost:1/hook",
                    "kinds", List.of("NO_SUCH_KIND"), "active", true, "owner", WEBHOOK_OWNER,
                    "areaCodes", List.of(TestUsers.COUNTY), "createdAt", new Date())), "webhook_subscriptions");
            return new Fixture(webhookList ? Map.of() : Map.of("id", id), webhookList ? "size=100" : null, null, null,
                    WEBHOOK_OWNER, id);
        }
        if (path.startsWith("/api/audit/") || path.endsWith("/webhooks") || path.endsWith("/deliveries")) {
            return new Fixture(Map.of(), null, path.endsWith("/webhooks") ? WEBHOOK : null, null, null, null);
        }
        if (path.endsWith("/preferences")) {
            return new Fixture(Map.of(), null, "{\"language\":\"en\",\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:00\"}}",
                    null, null, null);
        }
        if (path.startsWith("/api/notifications/deliveries/")) {
            String id = "matrix-" + UUID.randomUUID() + "-webhook:none-WEBHOOK";
            mongo.insert(new Document(Map.of("_id", id, "channel", "WEBHOOK", "status", "DEAD", "attempts", 4,
                    "recipientId", "webhook:none", "createdAt", new Date(), "dueAt", new Date(),
                    "nextAttemptAt", new Date(), "claimedUntil", new Date(0))), "deliveries");
            return new Fixture(Map.of("id", id), null, null, null, null, id);
        }
        String reportId = "pr-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish(PatrolReportSubmitted.TYPE, eventId, reportId, new PatrolReportSubmitted(reportId,
                TestUsers.YANGJIA_GRID, "杨家村第一网格", TestUsers.LICHUAN, "member-ldm", "李德明",
                OffsetDateTime.parse("2026-05-11T21:00:00+08:00"), OffsetDateTime.parse("2026-05-11T23:00:00+08:00"),
                new ResponsibleOfficer(OWNER, "王建军"),
                List.of(new PatrolFinding(0, FindingKind.HAZARD, "村道边坡有落石", null))));
        String id = eventId + "-" + OWNER + "-INBOX";
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(id)),
                "notifications"));
        String query = path.contains("{id}") ? null : path.endsWith("/stream")
                ? "since=2000-01-01T00:00:00Z&maxSeconds=1" : "subjectId=" + reportId;
        return new Fixture(Map.of("id", id), query, null, TestUsers.YANGJIA_GRID, OWNER, id);
    }
}
