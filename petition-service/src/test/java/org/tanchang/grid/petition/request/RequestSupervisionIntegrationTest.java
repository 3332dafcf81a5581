package org.tanchang.grid.petition.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.time.Times;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Supervision (督办) of a one-window request: recorded, published as RequestSupervised, refused once it ended. */
@ServiceIntegrationTest
class RequestSupervisionIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aSupervisorSupervisesAnOpenRequestAndTheHandlerIsNamedInTheEvent() {
        RequestFixtures fixtures = new RequestFixtures(port);
        JsonNode accepted = fixtures.inState("citizen-sv", RequestState.ACCEPTED);
        String id = accepted.get("id").asString();
        ApiClient supervisor = fixtures.as(TestUsers.supervisor(TestUsers.LICHUAN));
        String by = LocalDate.now(Times.COUNTY_ZONE).plusDays(2).toString();

        var done = supervisor.post("/api/service-requests/" + id + "/supervise",
                "{\"reason\":\"群众反映办理缓慢（电话13893912345）\",\"deadline\":\"" + by + "\"}");

        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.json().get("state").asString()).as("not a step").isEqualTo("ACCEPTED");
        JsonNode last = done.json().get("timeline").get(done.json().get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("supervise");
        JsonNode event = await().atMost(Duration.ofSeconds(20)).until(() -> TestEvents.readAll(Topics.REQUESTS,
                        Duration.ofMillis(300)).stream()
                .filter(r -> id.equals(r.key()) && "RequestSupervised".equals(TestEvents.eventName(r)))
                .map(r -> JSON.readTree(r.value())).findFirst().orElse(null), e -> e != null);
        assertThat(event.get("reason").asString()).isEqualTo("群众反映办理缓慢（电话138****2345）");
        assertThat(event.get("deadline").asString()).isEqualTo(by);
        assertThat(event.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(event.get("handlerId").asString()).as("who accepted it").isEqualTo(last(accepted, 1));
        assertThat(event.get("supervisorId").asString()).isEqualTo("supervisor-" + TestUsers.LICHUAN);
        assertThat(event.get("number").asString()).isEqualTo(accepted.get("number").asString());
    }

    @Test
    void aPastDeadlineIsRefusedAndAnEndedRequestIsNotSupervised() {
        RequestFixtures fixtures = new RequestFixtures(port);
        ApiClient supervisor = fixtures.as(TestUsers.supervisor(TestUsers.LICHUAN));
        String open = fixtures.inState("citizen-sv", RequestState.SUBMITTED).get("id").asString();
        String closed = fixtures.inState("citizen-sv", RequestState.CLOSED).get("id").asString();

        var past = supervisor.post("/api/service-requests/" + open + "/supervise",
                "{\"reason\":\"x\",\"deadline\":\"2020-01-01\"}");
        var ended = supervisor.post("/api/service-requests/" + closed + "/supervise", "{\"reason\":\"x\"}");
        var byClerk = fixtures.as(RequestFixtures.clerk()).post("/api/service-requests/" + open + "/supervise",
                "{\"reason\":\"x\"}");

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").findValuesAsString("field")).containsExactly("deadline");
        assertThat(ended.status()).isEqualTo(409);
        assertThat(byClerk.status()).isEqualTo(403);
        assertThat(fixtures.as(RequestFixtures.clerk()).get("/api/service-requests/" + open).json().get("timeline")
                .findValuesAsString("action")).doesNotContain("supervise");
    }

    private static String last(JsonNode request, int fromEnd) {
        JsonNode timeline = request.get("timeline");
        return timeline.get(timeline.size() - fromEnd).get("actor").asString();
    }
}
