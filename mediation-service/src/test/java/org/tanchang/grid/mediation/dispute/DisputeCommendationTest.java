package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The parties' banner (锦旗「急民之所急 解民之所忧」) for a settled dispute: the "commend" step, allowed once the
 * agreement is signed (409 while mediating), on the dispute's timeline, the giver masked, one DisputeCommended
 * without the giver; bad input and other areas change nothing.
 */
@ServiceIntegrationTest
class DisputeCommendationTest {

    @LocalServerPort
    int port;

    private static List<ConsumerRecord<String, String>> commended(String id) {
        return TestEvents.readAll(Topics.DISPUTES, Duration.ofMillis(500)).stream()
                .filter(r -> id.equals(r.key()) && "DisputeCommended".equals(TestEvents.eventName(r))).toList();
    }

    @Test
    void aSettledDisputeIsThankedOnceOnItsTimelineWithTheGiverMasked() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("MEDIATING");
        String banner = DisputeDriver.BODIES.get("commend");

        assertThat(driver.post(id, "commend", banner).status()).as("still mediating").isEqualTo(409);
        driver.act(id, "agree");
        var stranger = driver.post(id, "commend", banner.replace("mediator-621223101", "mediator-nobody"));
        var noText = driver.post(id, "commend", banner.replace("\"text\":\"急民之所急 解民之所忧\",", ""));
        var badPhone = driver.post(id, "commend", banner.replace("13800138000", "12345"));
        assertThat(List.of(stranger.status(), noText.status(), badPhone.status())).as(stranger.text())
                .containsOnly(400);
        ApiClient otherTownship = ApiClient.local(port).withToken(TestUsers.mediator(TestUsers.MUER));
        assertThat(otherTownship.post("/api/disputes/" + id + "/commendations", banner).status()).isEqualTo(404);
        assertThat(otherTownship.get("/api/disputes/" + id + "/commendations").status()).isEqualTo(404);
        assertThat(driver.api().get("/api/disputes/" + id + "/commendations").json().get("items").size())
                .as("nothing recorded by the refusals").isZero();

        var recorded = driver.post(id, "commend", banner);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(recorded.text()).doesNotContain("杨某某", "13800138000");
        assertThat(recorded.json().get("giverName").asString()).isEqualTo("杨**");

        JsonNode timeline = driver.api().get("/api/disputes/" + id + "/timeline").json();
        assertThat(timeline.get("state").asString()).isEqualTo("AGREED");
        JsonNode last = timeline.get("items").get(timeline.get("items").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("commend");
        assertThat(last.get("remark").asString()).contains("BANNER", "急民之所急").doesNotContain("杨某某");
        assertThat(driver.api().get("/api/disputes/" + id + "/commendations").json().get("items").size())
                .isEqualTo(1);

        List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(20))
                .until(() -> commended(id), e -> !e.isEmpty());
        assertThat(commended(id)).hasSize(1);
        assertThat(events.get(0).value()).contains("\"matterType\":\"DISPUTE\"", "mediator-621223101",
                TestUsers.YANGJIA_GRID).doesNotContain("杨某某", "13800138000");
    }
}
