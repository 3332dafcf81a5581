package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Supervision (督办) of an incident is news: IncidentSupervised names the handler, the township and why. */
@ServiceIntegrationTest
class SupervisionEventIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aSupervisorsSupervisionIsPublishedForTheHandlerAndTheArea() {
        String officer = "officer-sv-" + UUID.randomUUID();
        Walk walk = new Walk(port, officer, "citizen-sv");
        String id = walk.to("DISPATCHED", "sv-" + UUID.randomUUID());

        var supervised = walk.supervisor().post("/api/incidents/" + id + "/supervise",
                "{\"reason\":\"群众多次反映，请加快办理（电话13893912345）\"}");
        assertThat(supervised.status()).as(supervised.text()).isEqualTo(200);

        JsonNode event = await().atMost(Duration.ofSeconds(20)).until(() -> TestEvents.readAll(Topics.INCIDENTS,
                        Duration.ofMillis(300)).stream()
                .filter(r -> id.equals(r.key()) && "IncidentSupervised".equals(TestEvents.eventName(r)))
                .map(r -> JSON.readTree(r.value())).findFirst().orElse(null), e -> e != null);
        assertThat(event.get("handlerId").asString()).isEqualTo(officer);
        assertThat(event.get("gridCode").asString()).isEqualTo(TestUsers.YANGJIA_GRID);
        assertThat(event.get("supervisorAreaCode").asString()).isEqualTo(TestUsers.LICHUAN);
        assertThat(event.get("supervisorId").asString()).isEqualTo("supervisor-" + officer);
        assertThat(event.get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(event.get("automatic").asBoolean()).isFalse();
        assertThat(event.get("reason").asString()).isEqualTo("群众多次反映，请加快办理（电话138****2345）");
        assertThat(event.get("caseNumber").asString()).isNotBlank();
    }

    @Test
    void aSupervisionMayNameTheDayByWhichProgressIsExpectedButNotOneGoneBy() {
        Walk walk = new Walk(port, "officer-sv-" + UUID.randomUUID(), "citizen-sv");
        String id = walk.to("IN_PROGRESS", "sv-" + UUID.randomUUID());

        var past = walk.supervisor().post("/api/incidents/" + id + "/supervise",
                "{\"reason\":\"请加快办理\",\"deadline\":\"2020-01-01\"}");
        var supervised = walk.supervisor().post("/api/incidents/" + id + "/supervise",
                "{\"reason\":\"请加快办理\",\"deadline\":\"2099-01-10\"}");

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").findValuesAsString("field")).containsExactly("deadline");
        assertThat(supervised.status()).as(supervised.text()).isEqualTo(200);
        JsonNode timeline = supervised.json().get("timeline");
        assertThat(timeline.get(timeline.size() - 1).get("remark").asString())
                .isEqualTo("督办: 请加快办理 (by 2099-01-10)");
        JsonNode event = await().atMost(Duration.ofSeconds(20)).until(() -> TestEvents.readAll(Topics.INCIDENTS,
                        Duration.ofMillis(300)).stream()
                .filter(r -> id.equals(r.key()) && "IncidentSupervised".equals(TestEvents.eventName(r)))
                .map(r -> JSON.readTree(r.value())).findFirst().orElse(null), e -> e != null);
        assertThat(event.get("deadline").asString()).isEqualTo("2099-01-10");
    }
}
