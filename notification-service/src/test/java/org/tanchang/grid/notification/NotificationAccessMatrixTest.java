package org.tanchang.grid.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
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

    @Autowired
    MongoTemplate mongo;

    @Override
    protected Fixture fixture(Expectation operation) {
        if (operation.path().startsWith("/api/audit/")) {
            return new Fixture(Map.of(), null, null, null, null, null);   // the county rule needs no object
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
        return new Fixture(Map.of("id", id), operation.path().contains("{id}") ? null : "subjectId=" + reportId,
                null, TestUsers.YANGJIA_GRID, OWNER, id);
    }
}
