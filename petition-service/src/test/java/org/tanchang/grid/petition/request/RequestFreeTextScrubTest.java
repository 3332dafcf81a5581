package org.tanchang.grid.petition.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** ID and mobile numbers typed into a request or a referral's reason leave petition-service masked in the events. */
@ServiceIntegrationTest
class RequestFreeTextScrubTest {

    private static final String TYPED = "王某（身份证110105194901020123，电话13893912345）";
    private static final String MASKED = "王某（身份证110105********0123，电话138****2345）";

    @LocalServerPort
    int port;

    @Test
    void theReferralEventsCarryMaskedNumbersWhileTheClerkSeesWhatWasTyped() {
        RequestFixtures fixtures = new RequestFixtures(port);
        var submitted = fixtures.as(TestUsers.citizen("citizen-scrub")).post("/api/service-requests",
                RequestFixtures.body(TestUsers.YANGJIA_GRID, RequestFixtures.ID_APPLY_MATERIALS)
                        .replace("身份证到期", "邻居占地，" + TYPED));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        String id = submitted.json().get("id").asString();

        JsonNode referred = fixtures.step(id, "refer", "{\"target\":\"MEDIATION\",\"reason\":\"实为纠纷，" + TYPED + "\"}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(id))
                .anySatisfy(e -> assertThat(e).contains("\"description\":\"", "实为纠纷，" + MASKED,
                        "邻居占地，" + MASKED))
                .anySatisfy(e -> assertThat(e).contains("\"toState\":\"REFERRED\"",
                        "\"reason\":\"实为纠纷，" + MASKED + "\"")));
        assertThat(eventsOf(id)).allSatisfy(e -> assertThat(e).doesNotContain("110105194901020123", "13893912345"));

        assertThat(referred.get("referral").get("reason").asString()).isEqualTo("实为纠纷，" + TYPED);
        assertThat(referred.get("timeline").findValuesAsString("remark")).contains("邻居占地，" + TYPED);
    }

    private static List<String> eventsOf(String id) {
        return TestEvents.readAll(Topics.REQUESTS, Duration.ofMillis(800)).stream()
                .filter(r -> id.equals(r.key())).map(r -> r.value()).toList();
    }
}
