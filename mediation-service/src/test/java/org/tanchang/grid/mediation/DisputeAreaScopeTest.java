package org.tanchang.grid.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.mediation.dispute.Disputes;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * A dispute belongs to its township's mediators: the mediator of 木耳乡 cannot open a 杨家村 (理川镇) dispute or its
 * visit, nor find them in a list, not even by naming the grid; the mediator of 理川镇 can.
 */
@ServiceIntegrationTest
class DisputeAreaScopeTest {

    @LocalServerPort
    int port;

    private final String reportId = "pr-" + UUID.randomUUID();
    private final String disputeId = Disputes.idOfPatrolFinding(reportId, 0);
    private final String visitId = disputeId + "-visit-1";
    private ApiClient lichuan;
    private ApiClient muer;

    @BeforeEach
    void aDisputeFoundOnPatrolInYangjia() {
        lichuan = ApiClient.local(port).withToken(TestUsers.mediator(TestUsers.LICHUAN));
        muer = ApiClient.local(port).withToken(TestUsers.mediator(TestUsers.MUER));
        TestEvents.publish(PatrolReportSubmitted.TYPE, UUID.randomUUID().toString(), reportId,
                new PatrolReportSubmitted(reportId, TestUsers.YANGJIA_GRID, "杨家村第一网格", TestUsers.LICHUAN,
                        "member-ldm", "李德明", OffsetDateTime.parse("2026-05-11T21:00:00+08:00"),
                        OffsetDateTime.parse("2026-05-11T23:00:00+08:00"),
                        new ResponsibleOfficer("officer-lichuan-01", "王建军"),
                        List.of(new PatrolFinding(0, FindingKind.DISPUTE, "两户村民因灌溉用水发生争执", null))));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> lichuan.get("/api/follow-up-visits/" + visitId).status() == 200);
    }

    @Test
    void theMediatorOfAnotherTownshipFindsNeitherTheDisputeNorItsVisit() {
        var dispute = muer.get("/api/disputes/" + disputeId);
        var visit = muer.get("/api/follow-up-visits/" + visitId);

        assertThat(dispute.status()).isEqualTo(404);
        assertThat(dispute.header("Content-Type")).startsWith("application/problem+json");
        assertThat(dispute.json().get("detail").asString())
                .as("the same answer as for a dispute that does not exist")
                .isEqualTo("Dispute " + disputeId + " does not exist");
        assertThat(visit.status()).isEqualTo(404);
        assertThat(visit.json().get("detail").asString()).isEqualTo("Follow-up visit " + visitId + " does not exist");

        assertThat(muer.get("/api/disputes").text()).doesNotContain(disputeId);
        assertThat(muer.get("/api/disputes?sourceReference=" + reportId).json().get("total").asLong()).isZero();
        assertThat(muer.get("/api/disputes?gridCode=" + TestUsers.YANGJIA_GRID).json().get("total").asLong())
                .as("naming the grid does not widen the area").isZero();
        assertThat(muer.get("/api/follow-up-visits?patrolReportId=" + reportId).json().get("total").asLong()).isZero();
        assertThat(muer.get("/api/follow-up-visits?gridCode=" + TestUsers.YANGJIA_GRID).json().get("total").asLong())
                .isZero();
    }

    @Test
    void theMediatorOfTheTownshipSeesTheDisputeAndItsVisit() {
        var dispute = lichuan.get("/api/disputes/" + disputeId);

        assertThat(dispute.status()).isEqualTo(200);
        assertThat(dispute.json().get("gridCode").asString()).isEqualTo(TestUsers.YANGJIA_GRID);
        assertThat(lichuan.get("/api/follow-up-visits/" + visitId).json().get("gridCode").asString())
                .as("the visit carries its dispute's grid").isEqualTo(TestUsers.YANGJIA_GRID);
        assertThat(lichuan.get("/api/disputes?sourceReference=" + reportId).json().get("items")
                .findValuesAsString("id")).containsExactly(disputeId);
        assertThat(lichuan.get("/api/disputes?gridCode=" + TestUsers.YANGJIA_GRID + "&sourceReference=" + reportId)
                .json().get("total").asLong()).isEqualTo(1);
        assertThat(lichuan.get("/api/follow-up-visits?patrolReportId=" + reportId).json().get("items").valueStream()
                .map(v -> v.get("id").asString()).toList()).containsExactly(visitId);
    }
}
