package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import tools.jackson.databind.JsonNode;

/**
 * Mediation ends without agreement in three ways (人民调解法 art. 23: a party may end it): a party withdraws, the
 * parties settle among themselves, or it is referred. Only a referral names a target and publishes DisputeReferred.
 */
@ServiceIntegrationTest
class TerminationEndingTest {

    @LocalServerPort
    int port;

    @Test
    void aWithdrawalAndASelfSettlementEndMediationWithoutAReferral() {
        DisputeDriver driver = new DisputeDriver(port);
        String withdrawn = driver.openIn("MEDIATING");
        String settled = driver.openIn("ACCEPTED");
        String referred = driver.openIn("MEDIATING");

        JsonNode w = ok(driver.post(withdrawn, "terminate", "{\"reason\":\"申请人撤回调解申请\",\"ending\":\"WITHDRAWN\"}"));
        JsonNode s = ok(driver.post(settled, "terminate", "{\"reason\":\"双方已自行和解\",\"ending\":\"SELF_SETTLED\"}"));
        JsonNode r = ok(driver.post(referred, "terminate", "{\"reason\":\"分歧过大\",\"referral\":\"CASE\"}"));

        assertThat(w.get("state").asString()).isEqualTo("TERMINATED");
        assertThat(w.get("termination").get("ending").asString()).isEqualTo("WITHDRAWN");
        assertThat(w.get("termination").get("referral").isNull()).isTrue();
        assertThat(s.get("termination").get("ending").asString()).isEqualTo("SELF_SETTLED");
        assertThat(r.get("termination").get("ending").asString()).as("an old client's body is a referral")
                .isEqualTo("REFERRED");
        assertThat(r.get("termination").get("referral").asString()).isEqualTo("CASE");
        assertThat(lastRemark(w)).isEqualTo("WITHDRAWN: 申请人撤回调解申请");
        // the termination's state change rides in the same outbox write as a referral would: once it is out, so
        // would a referral be
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(typesOf(referred)).contains("DisputeReferred");
            assertThat(stateChanges(withdrawn)).as("accept, start-mediation, terminate").isEqualTo(3);
            assertThat(stateChanges(settled)).as("accept, terminate").isEqualTo(2);
        });
        assertThat(typesOf(withdrawn)).doesNotContain("DisputeReferred");
        assertThat(typesOf(settled)).doesNotContain("DisputeReferred");
    }

    @Test
    void aReferralNeedsItsTargetAndOtherEndingsRefuseOne() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("MEDIATING");
        long version = driver.api().get("/api/disputes/" + id).json().get("version").asLong();

        ApiClient.Response noTarget = driver.post(id, "terminate", "{\"reason\":\"分歧过大\",\"ending\":\"REFERRED\"}");
        ApiClient.Response noEnding = driver.post(id, "terminate", "{\"reason\":\"分歧过大\"}");
        ApiClient.Response withTarget = driver.post(id, "terminate",
                "{\"reason\":\"申请人撤回\",\"ending\":\"WITHDRAWN\",\"referral\":\"LITIGATION\"}");
        ApiClient.Response unknown = driver.post(id, "terminate", "{\"reason\":\"x\",\"ending\":\"GAVE_UP\"}");

        for (ApiClient.Response refused : List.of(noTarget, noEnding, withTarget)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:validation");
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("referral");
        }
        assertThat(unknown.status()).isEqualTo(400);
        JsonNode after = driver.api().get("/api/disputes/" + id).json();
        assertThat(after.get("state").asString()).isEqualTo("MEDIATING");
        assertThat(after.get("version").asLong()).as("nothing stored").isEqualTo(version);
    }

    private static String lastRemark(JsonNode dispute) {
        JsonNode timeline = dispute.get("timeline");
        return timeline.get(timeline.size() - 1).get("remark").asString();
    }

    private static long stateChanges(String id) {
        return TestEvents.readAll(Topics.DISPUTES, Duration.ofMillis(500)).stream().filter(e -> id.equals(e.key()))
                .filter(e -> "DisputeStateChanged".equals(TestEvents.eventName(e)))
                .map(e -> TestEvents.header(e, "ce_id")).distinct().count();
    }

    private static List<String> typesOf(String id) {
        return TestEvents.readAll(Topics.DISPUTES, Duration.ofMillis(500)).stream().filter(e -> id.equals(e.key()))
                .map(e -> TestEvents.eventName(e)).toList();
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }
}
