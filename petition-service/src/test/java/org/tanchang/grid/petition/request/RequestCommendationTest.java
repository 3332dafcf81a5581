package org.tanchang.grid.petition.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
 * 杨某's banner 「为民解忧、情系百姓」 for the window that put his hukou right: the "commend" step of the request,
 * allowed once it is completed (409 while in process), taken by the handling window, on the request's timeline with
 * the giver masked, one RequestCommended without the giver; bad input and other areas change nothing.
 */
@ServiceIntegrationTest
class RequestCommendationTest {

    private static final String BANNER = "{\"kind\":\"BANNER\",\"text\":\"为民解忧、情系百姓\",\"receivedOn\":"
            + "\"2026-07-28\",\"giverName\":\"杨某某\",\"giverPhone\":\"13893912345\",\"namedStaff\":[\"%s\"]}";

    @LocalServerPort
    int port;

    private static List<ConsumerRecord<String, String>> commended(String id) {
        return TestEvents.readAll(Topics.REQUESTS, Duration.ofMillis(500)).stream()
                .filter(r -> id.equals(r.key()) && "RequestCommended".equals(TestEvents.eventName(r))).toList();
    }

    @Test
    void theWindowIsThankedForACompletedRequestOnceWithTheGiverMasked() {
        RequestFixtures fixtures = new RequestFixtures(port);
        String citizen = "citizen-yang-" + UUID.randomUUID();
        String id = fixtures.inState(citizen, RequestState.IN_PROCESS).get("id").asString();
        String path = "/api/service-requests/" + id + "/commendations";
        ApiClient clerk = fixtures.as(RequestFixtures.clerk());
        String banner = BANNER.formatted("clerk-lichuan");

        assertThat(clerk.post(path, banner).status()).as("still in process").isEqualTo(409);
        fixtures.step(id, "complete", null);
        var applicantNamed = clerk.post(path, BANNER.formatted(citizen));
        var noDate = clerk.post(path, banner.replace("\"receivedOn\":\"2026-07-28\",", ""));
        assertThat(List.of(applicantNamed.status(), noDate.status())).as(applicantNamed.text()).containsOnly(400);
        assertThat(fixtures.as(TestUsers.token("clerk-muer", "WINDOW_CLERK", TestUsers.MUER)).post(path, banner)
                .status()).isEqualTo(404);
        assertThat(fixtures.as(TestUsers.citizen(citizen)).post(path, banner).status()).isEqualTo(403);
        assertThat(clerk.get(path).json().get("items").size()).as("nothing recorded by the refusals").isZero();

        var recorded = clerk.post(path, banner);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(recorded.text()).doesNotContain("杨某某", "13893912345");
        assertThat(recorded.json().get("giverPhone").asString()).endsWith("2345").contains("*");

        JsonNode request = clerk.get("/api/service-requests/" + id).json();
        assertThat(request.get("state").asString()).isEqualTo("COMPLETED");
        JsonNode last = request.get("timeline").get(request.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("commend");
        assertThat(last.get("remark").asString()).contains("为民解忧").doesNotContain("杨某某");
        assertThat(clerk.get(path).json().get("items").get(0).get("namedStaff").get(0).asString())
                .isEqualTo("clerk-lichuan");

        List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(20))
                .until(() -> commended(id), e -> !e.isEmpty());
        assertThat(commended(id)).hasSize(1);
        assertThat(events.get(0).value()).contains("\"matterType\":\"REQUEST\"", "clerk-lichuan")
                .doesNotContain("杨某某", "13893912345");
        assertThat(TestEvents.readAll(Topics.REQUESTS, Duration.ofMillis(300)).stream()
                .filter(r -> id.equals(r.key()) && "RequestStateChanged".equals(TestEvents.eventName(r)))
                .noneMatch(r -> r.value().contains("\"fromState\":\"COMPLETED\""))).as("the state stayed").isTrue();
    }
}
