package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.tanchang.grid.client.grid.api.AdministrativeTreeApi;
import org.tanchang.grid.client.grid.api.GridsApi;
import org.tanchang.grid.client.grid.api.PatrolReportsApi;
import org.tanchang.grid.client.grid.model.AreaNode;
import org.tanchang.grid.client.grid.model.DisputeInput;
import org.tanchang.grid.client.grid.model.FindingInput;
import org.tanchang.grid.client.grid.model.GridView;
import org.tanchang.grid.client.grid.model.Location;
import org.tanchang.grid.client.grid.model.PartyInput;
import org.tanchang.grid.client.grid.model.PatrolReportView;
import org.tanchang.grid.client.grid.model.SubmitPatrolReport;
import org.tanchang.grid.client.mediation.api.DisputesApi;
import org.tanchang.grid.client.mediation.api.FollowUpVisitsApi;
import org.tanchang.grid.client.mediation.model.Dispute;
import org.tanchang.grid.client.mediation.model.DisputeParty;
import org.tanchang.grid.client.mediation.model.DisputeTimeline;
import org.tanchang.grid.client.mediation.model.DisputeTimelineEntry;
import org.tanchang.grid.client.mediation.model.FollowUpVisit;

/**
 * One story told only through the Java clients openapi-generator makes (library {@code native}, default options) from
 * the committed documents in {@code docs/openapi/}, against the gateway, as another county system would: if a schema
 * lied, a call here would fail to (de)serialize.
 */
final class GeneratedClientStory {

    private final String gatewayUrl;

    GeneratedClientStory(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    void run(String memberToken, String mediatorToken, String grid) throws Exception {
        org.tanchang.grid.client.grid.ApiClient asMember = grid(memberToken);
        String village = grid.substring(0, 12);

        AreaNode tree = new AdministrativeTreeApi(asMember).getAreaTree(null);
        assertThat(codes(tree)).as("the area tree reaches the member's village and grid").contains(village, grid);
        List<GridView> grids = new GridsApi(asMember).listGrids(null, village, null, null).getItems();
        assertThat(grids).extracting(GridView::getCode).contains(grid);
        assertThat(grids.get(0).getBoundary()).as("the boundary is read as a GeoJSON object").isNotNull();

        PatrolReportView report = new PatrolReportsApi(asMember).submitPatrolReport(new SubmitPatrolReport()
                .gridCode(grid)
                .startedAt(OffsetDateTime.parse("2026-01-05T09:00:00+08:00"))
                .endedAt(OffsetDateTime.parse("2026-01-05T10:30:00+08:00"))
                .findings(List.of(new FindingInput()
                        .kind(FindingInput.KindEnum.DISPUTE)
                        .description("牛群啃食了邻户的覆膜药苗")
                        .location(new Location().longitude(104.392).latitude(34.047))
                        .dispute(new DisputeInput()
                                .type(DisputeInput.TypeEnum.LIVESTOCK_DAMAGE)
                                .riskLevel(DisputeInput.RiskLevelEnum.LOW)
                                .parties(List.of(
                                        new PartyInput().kind(PartyInput.KindEnum.PERSON)
                                                .role(PartyInput.RoleEnum.APPLICANT).name("杨某").claims("赔偿药苗损失"),
                                        new PartyInput().kind(PartyInput.KindEnum.PERSON)
                                                .role(PartyInput.RoleEnum.RESPONDENT).name("马某")))))), null);
        assertThat(report.getMemberId()).isEqualTo("member.yangjia");
        String reportId = report.getId();

        org.tanchang.grid.client.mediation.ApiClient asMediator = mediation(mediatorToken);
        DisputesApi disputes = new DisputesApi(asMediator);
        List<Dispute> opened = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> disputes.listDisputes(null, null, reportId, null, null, null, null, null).getItems(),
                        items -> items.size() == 1);
        Dispute dispute = disputes.getDispute(opened.get(0).getId(), null);
        assertThat(dispute.getGridCode()).isEqualTo(grid);
        assertThat(dispute.getType()).as("as the member classified it").isEqualTo(Dispute.TypeEnum.LIVESTOCK_DAMAGE);
        assertThat(dispute.getParties()).extracting(DisputeParty::getName).containsExactly("杨某", "马某");

        DisputeTimeline timeline = disputes.getDisputeTimeline(dispute.getId());
        assertThat(timeline.getDisputeId()).isEqualTo(dispute.getId());
        assertThat(timeline.getItems()).extracting(DisputeTimelineEntry::getAction).first().isEqualTo("open");

        List<FollowUpVisit> visits = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> new FollowUpVisitsApi(asMediator)
                        .listFollowUpVisits(null, dispute.getId(), null, null, null, null, null, null).getItems(),
                        items -> items.size() == 1);
        assertThat(visits.get(0).getPatrolReportId()).isEqualTo(reportId);
        assertThat(visits.get(0).getDueOn()).as("three days after the patrol").isEqualTo(LocalDate.parse("2026-01-08"));
    }

    private org.tanchang.grid.client.grid.ApiClient grid(String token) {
        org.tanchang.grid.client.grid.ApiClient client = new org.tanchang.grid.client.grid.ApiClient();
        client.updateBaseUri(gatewayUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private org.tanchang.grid.client.mediation.ApiClient mediation(String token) {
        org.tanchang.grid.client.mediation.ApiClient client = new org.tanchang.grid.client.mediation.ApiClient();
        client.updateBaseUri(gatewayUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static Stream<String> codesOf(AreaNode node) {
        List<AreaNode> children = node.getChildren() == null ? List.of() : node.getChildren();
        return Stream.concat(Stream.of(node.getCode()), children.stream().flatMap(GeneratedClientStory::codesOf));
    }

    private static List<String> codes(AreaNode tree) {
        return codesOf(tree).toList();
    }
}
