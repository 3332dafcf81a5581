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
 * ID and mobile numbers typed into a dispute's description, a step's remark, a session's place or a termination's
 * reason leave mediation-service masked in the events; the mediator still reads what was typed.
 */
@ServiceIntegrationTest
class DisputeFreeTextScrubTest {

    private static final String TYPED = "王某（身份证110105194901020123，电话13893912345）";
    private static final String MASKED = "王某（身份证110105********0123，电话138****2345）";

    @LocalServerPort
    int port;

    @Test
    void everyEventCarriesMaskedNumbersWhileTheMediatorSeesWhatWasTyped() {
        DisputeDriver driver = new DisputeDriver(port);
        var opened = driver.api().post("/api/disputes",
                DisputeDriver.OPEN_BODY.replace("两户村民因宅基地界址发生争执", "宅基地争执，" + TYPED));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String id = opened.json().get("id").asString();
        ok(driver.post(id, "accept", "{\"remark\":\"受理，" + TYPED + "\"}"));
        driver.act(id, "start-mediation");
        ok(driver.post(id, "hold-session", """
                {"heldOn":"2026-01-05","place":"%s家中","mediatorIds":["mediator-lichuan-01"],"method":"IN_THE_FIELD"}
                """.formatted(TYPED)));
        ok(driver.post(id, "terminate", "{\"reason\":\"分歧过大，" + TYPED + "\",\"referral\":\"LITIGATION\"}"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(id))
                .anySatisfy(e -> assertThat(e).contains("\"description\":\"宅基地争执，" + MASKED + "\"")
                        .doesNotContain("\"reason\""))
                .anySatisfy(e -> assertThat(e).contains("\"remark\":\"受理，" + MASKED + "\""))
                .anySatisfy(e -> assertThat(e).contains("\"place\":\"" + MASKED + "家中\""))
                .anySatisfy(e -> assertThat(e).contains("\"description\":\"宅基地争执，" + MASKED + "\"",
                        "\"reason\":\"分歧过大，" + MASKED + "\""))
                .anySatisfy(e -> assertThat(e).contains("\"remark\":\"LITIGATION: 分歧过大，" + MASKED + "\"")));
        assertThat(eventsOf(id)).allSatisfy(e -> assertThat(e).doesNotContain("110105194901020123", "13893912345"));

        JsonNode shown = driver.api().get("/api/disputes/" + id).json();
        assertThat(shown.get("description").asString()).isEqualTo("宅基地争执，" + TYPED);
        assertThat(shown.get("sessions").get(0).get("place").asString()).isEqualTo(TYPED + "家中");
        assertThat(shown.get("termination").get("reason").asString()).isEqualTo("分歧过大，" + TYPED);
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    private static List<String> eventsOf(String id) {
        return TestEvents.readAll(Topics.DISPUTES, Duration.ofMillis(800)).stream()
                .filter(r -> id.equals(r.key())).map(r -> r.value()).toList();
    }
}
