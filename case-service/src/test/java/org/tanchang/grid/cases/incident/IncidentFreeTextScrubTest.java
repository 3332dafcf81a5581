package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import tools.jackson.databind.JsonNode;

/** ID and mobile numbers typed into a description or a step's remark leave case-service masked in the events. */
@ServiceIntegrationTest
class IncidentFreeTextScrubTest {

    private static final String TYPED = "王某（身份证110105194901020123，电话13893912345）";
    private static final String MASKED = "王某（身份证110105********0123，电话138****2345）";

    @LocalServerPort
    int port;

    @Test
    void openedAndStepEventsCarryMaskedNumbersWhileTheOfficerSeesWhatWasTyped() {
        Walk walk = new Walk(port, "po-scrub-" + UUID.randomUUID(), "citizen-scrub-" + UUID.randomUUID());
        var created = walk.officer().post("/api/incidents", "{\"source\":\"WALK_IN\",\"gridCode\":\"" + Walk.GRID
                + "\",\"description\":\"被打伤，" + TYPED + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var registered = walk.officer().post("/api/incidents/" + id + "/register",
                "{\"remark\":\"已联系，" + TYPED + "\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(id))
                .anySatisfy(e -> assertThat(e).contains("\"description\":\"被打伤，" + MASKED + "\""))
                .anySatisfy(e -> assertThat(e).contains("\"remark\":\"已联系，" + MASKED + "\"")));
        assertThat(eventsOf(id)).allSatisfy(e -> assertThat(e).doesNotContain("110105194901020123", "13893912345"));

        JsonNode shown = walk.officer().get("/api/incidents/" + id).json();
        assertThat(shown.get("description").asString()).isEqualTo("被打伤，" + TYPED);
        assertThat(shown.get("timeline").findValuesAsString("remark")).contains("已联系，" + TYPED);
    }

    private static List<String> eventsOf(String id) {
        return TestEvents.readAll(Topics.INCIDENTS, Duration.ofMillis(800)).stream()
                .filter(r -> id.equals(r.key())).map(r -> r.value()).toList();
    }
}
