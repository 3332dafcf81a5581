package org.tanchang.grid.mediation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.petition.RequestReferred;
import org.tanchang.grid.mediation.dispute.Disputes;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * A one-window request that is really a dispute (two neighbours over a drainage ditch, brought to the window) is
 * referred to mediation and opens one dispute, however often the event arrives; a request referred to a case is
 * case-service's and opens nothing here.
 */
@ServiceIntegrationTest
class RequestReferralIntakeTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private ApiClient mediator() {
        return ApiClient.local(port).withToken(TestUsers.mediator(TestUsers.LICHUAN));
    }

    private static RequestReferred referral(String requestId, String target) {
        return new RequestReferred(requestId, "621223-20260104-00012", target, TestUsers.YANGJIA_GRID,
                "杨某与邻居马某因排水沟改道发生争执，到窗口求助", new GeoPoint(104.392, 34.047), "citizen-yang",
                OffsetDateTime.parse("2026-01-04T10:15:00+08:00"));
    }

    @Test
    void aReferralToMediationOpensOneDisputeEvenWhenRedelivered() {
        String requestId = "req-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String disputeId = Disputes.idOfRequest(requestId);
        TestEvents.publish(RequestReferred.TYPE, eventId, requestId, referral(requestId, "MEDIATION"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mediator().get("/api/disputes/" + disputeId).status() == 200);

        TestEvents.publishAndAwaitHandled(meters, RequestReferred.TYPE, eventId, requestId,
                referral(requestId, "MEDIATION"));

        JsonNode list = mediator().get("/api/disputes?sourceReference=" + requestId).json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode dispute = list.get("items").get(0);
        assertThat(dispute.get("id").asString()).isEqualTo(disputeId);
        assertThat(dispute.get("source").asString()).isEqualTo("ONE_WINDOW_REQUEST");
        assertThat(dispute.get("state").asString()).isEqualTo("APPLIED");
        assertThat(dispute.get("gridCode").asString()).isEqualTo(TestUsers.YANGJIA_GRID);
        assertThat(dispute.get("description").asString()).contains("排水沟");
        assertThat(dispute.get("timeline").get(0).get("remark").asString()).contains("621223-20260104-00012");
        assertThat(TestEvents.readAll(Topics.DISPUTES, Duration.ofMillis(800)).stream()
                .filter(r -> disputeId.equals(r.key()) && "DisputeOpened".equals(TestEvents.eventName(r))))
                .as("one DisputeOpened for two deliveries").hasSize(1);
        // counted on the day of the referral, the fact that opened it
        String opened = TestEvents.readAll(Topics.DISPUTES, Duration.ofMillis(800)).stream()
                .filter(r -> disputeId.equals(r.key()) && "DisputeOpened".equals(TestEvents.eventName(r)))
                .findFirst().orElseThrow().value();
        assertThat(OffsetDateTime.parse(tools.jackson.databind.json.JsonMapper.builder().build().readTree(opened)
                .get("originatedAt").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-01-04T10:15:00+08:00").toInstant());
    }

    @Test
    void aReferralToACaseIsNotADispute() {
        String requestId = "req-" + UUID.randomUUID();

        TestEvents.publishAndAwaitHandled(meters, RequestReferred.TYPE, UUID.randomUUID().toString(), requestId,
                referral(requestId, "CASE"));

        assertThat(mediator().get("/api/disputes?sourceReference=" + requestId).json().get("total").asLong()).isZero();
        assertThat(mediator().get("/api/disputes/" + Disputes.idOfRequest(requestId)).status()).isEqualTo(404);
    }
}
