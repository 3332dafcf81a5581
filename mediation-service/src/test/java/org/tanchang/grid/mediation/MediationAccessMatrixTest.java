package org.tanchang.grid.mediation;

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
import org.tanchang.grid.mediation.dispute.DisputeDriver;
import org.tanchang.grid.mediation.dispute.DisputeFixtures;
import org.tanchang.grid.mediation.dispute.Disputes;
import org.tanchang.grid.platform.test.AccessMatrixTest;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * The access matrix of mediation-service. Every read meets one dispute found on patrol in 杨家村's grid, or its first
 * follow-up visit, opened the way production opens them (a PatrolReportSubmitted event, sent once for all reads).
 * Every write meets a fresh object per caller: a walk-in dispute in 杨家村 driven once through the API to a state that
 * allows the step, then copied under a new id for each caller ({@link DisputeFixtures}), so a command always finds its
 * object in the right state without hundreds of API walks. Same context as the other tests of this module (no own
 * properties), so one listener consumes the patrol reports.
 */
@ServiceIntegrationTest
class MediationAccessMatrixTest extends AccessMatrixTest {

    static final String COMPLETE_BODY = "{\"visitedOn\":\"2026-01-12\",\"partyName\":\"杨某某\","
            + "\"satisfied\":true,\"hazardRemains\":false}";

    @Autowired
    MongoTemplate mongo;

    private DisputeFixtures fixtures;
    private String patrolReportId;

    @Override
    protected Fixture fixture(Expectation operation) {
        if (operation.path().startsWith("/api/audit/")) {
            return new Fixture(Map.of(), null, null, null, null, null);   // the county rule needs no object
        }
        if (operation.method().equals("POST") && operation.path().equals("/api/disputes")) {
            return new Fixture(Map.of(), null, DisputeDriver.OPEN_BODY, TestUsers.YANGJIA_GRID, null, null);
        }
        if (operation.path().equals("/api/follow-up-visits/{id}/complete")) {
            String visitId = fixtures().agreedWithVisit();
            return new Fixture(Map.of("id", visitId), null, COMPLETE_BODY, TestUsers.YANGJIA_GRID, null, visitId);
        }
        if (operation.method().equals("POST") && operation.path().startsWith("/api/disputes/{id}/")) {
            String path = operation.path().substring("/api/disputes/{id}/".length());
            String action = path.equals("sessions") ? "hold-session" : path.equals("commendations") ? "commend" : path;
            // supervision is not a step of the procedure: any dispute not archived will do
            String id = fixtures().readyFor(action.equals("supervise") ? "accept" : action);
            return new Fixture(Map.of("id", id), null, DisputeDriver.BODIES.get(action), TestUsers.YANGJIA_GRID,
                    null, id);
        }
        String reportId = patrolReport();
        String disputeId = Disputes.idOfPatrolFinding(reportId, 0);
        boolean visit = operation.path().startsWith("/api/follow-up-visits");
        String id = visit ? disputeId + "-visit-1" : disputeId;
        String listQuery = (visit ? "patrolReportId=" : "sourceReference=") + reportId;
        return new Fixture(Map.of("id", id), operation.path().contains("{id}") ? null : listQuery, null,
                TestUsers.YANGJIA_GRID, null, id);
    }

    private DisputeFixtures fixtures() {
        if (fixtures == null) {
            fixtures = new DisputeFixtures(port, mongo);
        }
        return fixtures;
    }

    /** One patrol report with a DISPUTE finding, sent once; returns its id when its dispute and visit exist. */
    private synchronized String patrolReport() {
        if (patrolReportId == null) {
            String reportId = "pr-" + UUID.randomUUID();
            PatrolReportSubmitted report = new PatrolReportSubmitted(reportId, TestUsers.YANGJIA_GRID, "杨家村第一网格",
                    TestUsers.LICHUAN, "member-ldm", "李德明", OffsetDateTime.parse("2026-05-11T21:00:00+08:00"),
                    OffsetDateTime.parse("2026-05-11T23:00:00+08:00"),
                    new ResponsibleOfficer("officer-lichuan-01", "王建军"),
                    List.of(new PatrolFinding(0, FindingKind.DISPUTE, "两户村民因宅基地界址发生争执", null)));
            TestEvents.publish(PatrolReportSubmitted.TYPE, UUID.randomUUID().toString(), reportId, report);
            String visitId = Disputes.idOfPatrolFinding(reportId, 0) + "-visit-1";
            // the visit is written after its dispute: once it exists, both do
            await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(
                    Query.query(Criteria.where("_id").is(visitId)), "follow_up_visits"));
            patrolReportId = reportId;
        }
        return patrolReportId;
    }
}
