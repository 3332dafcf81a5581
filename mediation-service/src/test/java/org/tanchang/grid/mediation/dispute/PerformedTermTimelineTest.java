package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** A performed term reads on the dispute's timeline as what happened, with or without the mediator's remark. */
@ServiceIntegrationTest
class PerformedTermTimelineTest {

    @LocalServerPort
    int port;

    private JsonNode lastEntry(DisputeDriver driver, String id) {
        JsonNode timeline = driver.api().get("/api/disputes/" + id).json().get("timeline");
        return timeline.get(timeline.size() - 1);
    }

    @Test
    void aTermPerformedWithoutARemarkSaysWhichTermAndWhenNotNull() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("PERFORMING");
        driver.post(id, "perform-term", "{\"termIndex\":0,\"performedOn\":\"2026-01-08\"}");

        JsonNode entry = lastEntry(driver, id);

        assertThat(entry.get("action").asString()).isEqualTo("perform-term");
        assertThat(entry.get("remark").asString()).isEqualTo("term 0 performed on 2026-01-08")
                .doesNotContain("null");
    }

    @Test
    void aTermPerformedWithARemarkKeepsIt() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("PERFORMING");
        driver.post(id, "perform-term", "{\"termIndex\":0,\"performedOn\":\"2026-01-08\",\"remark\":\"现金当面交付\"}");

        assertThat(lastEntry(driver, id).get("remark").asString())
                .isEqualTo("term 0 performed on 2026-01-08: 现金当面交付");
    }

    @Test
    void everyEntryNamesItsActorAlsoWhenTheServiceWroteIt() {
        DisputeDriver driver = new DisputeDriver(port);
        var opened = driver.api().post("/api/disputes", DisputeDriver.OPEN_BODY.replace("\"MEDIUM\"", "\"HIGH\""));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);

        JsonNode timeline = driver.api().get("/api/disputes/" + opened.json().get("id").asString()).json()
                .get("timeline");

        assertThat(timeline.findValuesAsString("action")).as("a HIGH risk escalates at once").contains("open",
                "escalate");
        for (JsonNode entry : timeline) {
            assertThat(entry.get("actorName").isNull()).as(entry.toString()).isFalse();
            assertThat(entry.get("actorName").asString()).as(entry.toString()).isNotBlank();
        }
    }
}
