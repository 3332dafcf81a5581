package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** A walk-in dispute retried with its Idempotency-Key opens once; its timeline is readable on its own. */
@ServiceIntegrationTest
class WalkInDisputeTest {

    @LocalServerPort
    int port;

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private static long openedEvents(String id) {
        return TestEvents.readAll(Topics.DISPUTES, Duration.ofMillis(800)).stream()
                .filter(r -> id.equals(r.key()) && "DisputeOpened".equals(TestEvents.eventName(r))).count();
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstDisputeAndOpensNothingMore() {
        ApiClient mediator = as(TestUsers.mediator(TestUsers.LICHUAN));
        String key = "desk-lichuan-" + UUID.randomUUID();

        var first = mediator.post("/api/disputes", DisputeDriver.OPEN_BODY, "Idempotency-Key", key);
        var retry = mediator.post("/api/disputes", DisputeDriver.OPEN_BODY, "Idempotency-Key", key);
        var otherDesk = as(TestUsers.officer(TestUsers.LICHUAN)).post("/api/disputes", DisputeDriver.OPEN_BODY,
                "Idempotency-Key", key);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(first.header("Location")).isEqualTo("/api/disputes/" + id);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("id").asString()).isEqualTo(id);
        assertThat(retry.json().get("parties").get(0).get("phone").asString()).isEqualTo("138****8000");
        assertThat(otherDesk.status()).as("keys of different callers never meet").isEqualTo(201);
        assertThat(otherDesk.json().get("id").asString()).isNotEqualTo(id);
        assertThat(openedEvents(id)).isEqualTo(1);
    }

    @Test
    void aRefusedOpeningUsesUpNoKey() {
        ApiClient mediator = as(TestUsers.mediator(TestUsers.LICHUAN));
        String key = "desk-lichuan-" + UUID.randomUUID();

        var invalid = mediator.post("/api/disputes", DisputeDriver.OPEN_BODY.replace("\"MEDIUM\"", "\"EXTREME\""),
                "Idempotency-Key", key);
        var outside = as(TestUsers.mediator(TestUsers.MUER)).post("/api/disputes", DisputeDriver.OPEN_BODY,
                "Idempotency-Key", key);
        var tooShort = mediator.post("/api/disputes", DisputeDriver.OPEN_BODY, "Idempotency-Key", "abc");
        var valid = mediator.post("/api/disputes", DisputeDriver.OPEN_BODY, "Idempotency-Key", key);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("errors").findValuesAsString("field")).hasSize(1);
        assertThat(valid.status()).as(valid.text()).isEqualTo(201);
    }

    @Test
    void theTimelineListsEveryStepWithItsActorAndIsHiddenOutsideTheArea() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("MEDIATING");
        driver.act(id, "hold-session");

        JsonNode timeline = driver.api().get("/api/disputes/" + id + "/timeline").json();
        var outside = as(TestUsers.mediator(TestUsers.MUER)).get("/api/disputes/" + id + "/timeline");

        assertThat(timeline.get("disputeId").asString()).isEqualTo(id);
        assertThat(timeline.get("state").asString()).isEqualTo("MEDIATING");
        assertThat(timeline.get("items").findValuesAsString("action"))
                .containsExactly("open", "accept", "start-mediation", "hold-session");
        JsonNode accept = timeline.get("items").get(1);
        assertThat(accept.get("from").asString()).isEqualTo("APPLIED");
        assertThat(accept.get("to").asString()).isEqualTo("ACCEPTED");
        assertThat(accept.get("actorId").asString()).isEqualTo("mediator-621223101");
        assertThat(accept.get("remark").asString()).isEqualTo("受理");
        assertThat(accept.get("at").asString()).endsWith("+08:00");
        assertThat(timeline.toString()).doesNotContain("13800138000", "11010519491231002X");
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.json().get("detail").asString()).isEqualTo("Dispute " + id + " does not exist");
    }

    @Test
    void theOpenApiDocumentDescribesTheKeyTheTimelineAndTheFlagFilter() {
        JsonNode paths = ApiClient.local(port).get("/v3/api-docs").json().get("paths");

        JsonNode open = paths.get("/api/disputes").get("post");
        assertThat(open.get("parameters").findValuesAsString("name")).contains("Idempotency-Key");
        assertThat(open.get("responses").propertyNames()).contains("200", "201", "400", "401", "403");
        assertThat(paths.get("/api/disputes").get("get").get("parameters").findValuesAsString("name")).contains("flag");
        JsonNode timeline = paths.get("/api/disputes/{id}/timeline").get("get");
        assertThat(timeline.get("summary").asString()).isNotBlank();
        assertThat(timeline.get("responses").propertyNames()).contains("200", "401", "403", "404");
        assertThat(timeline.get("responses").get("404").get("content").has("application/problem+json")).isTrue();
    }
}
