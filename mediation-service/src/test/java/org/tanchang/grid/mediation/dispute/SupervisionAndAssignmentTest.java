package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.grid.RosterAssignmentChanged;
import org.tanchang.grid.contracts.grid.RosterRole;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.time.Times;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everyone concerned is told: a dispute's mediators when it is given to them (DisputeAssigned), a visit's assignee
 * when it is given to them, also when it is already due (FollowUpVisitAssigned), and supervision (督办) of a dispute
 * is an event of its own (DisputeSupervised) for notification-service to tell the mediators and the area.
 */
@ServiceIntegrationTest
class SupervisionAndAssignmentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void theGridsMediatorsAreAssignedAnOpenedDispute() {
        String grid = TestUsers.LICHUAN + "9" + String.format("%05d", (int) (Math.random() * 100_000));
        String mediator = "mediator-" + UUID.randomUUID().toString().substring(0, 8);
        TestEvents.publishAndAwaitHandled(meters, RosterAssignmentChanged.TYPE, UUID.randomUUID().toString(), grid,
                new RosterAssignmentChanged("ra-" + mediator, grid, RosterRole.MEDIATOR, mediator, "调解员",
                        LocalDate.parse("2026-01-01"), null, 1));
        DisputeDriver driver = new DisputeDriver(port);
        ApiClient.Response opened = driver.api().post("/api/disputes",
                DisputeDriver.OPEN_BODY.replace(TestUsers.YANGJIA_GRID, grid));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String id = opened.json().get("id").asString();

        JsonNode assigned = await().atMost(Duration.ofSeconds(20)).until(() -> data(Topics.DISPUTES, id,
                "DisputeAssigned"), d -> d != null);
        assertThat(assigned.get("mediatorIds").valueStream().map(JsonNode::asString).toList()).containsExactly(mediator);
        assertThat(assigned.get("level").asString()).isEqualTo("GRID");
        assertThat(assigned.get("gridCode").asString()).isEqualTo(grid);
    }

    @Test
    void aVisitScheduledForADayAlreadyPastIsAssignedAsAlreadyDue() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("AGREED");
        ok(driver.post(id, "schedule-visit", "{\"dueOn\":\"2026-01-15\",\"partyName\":\"马某某\","
                + "\"assigneeId\":\"officer-lichuan-01\",\"assigneeName\":\"王建军\"}"));
        String later = LocalDate.now(Times.COUNTY_ZONE).plusDays(3).toString();
        ok(driver.post(id, "schedule-visit", "{\"dueOn\":\"" + later + "\"}"));

        List<JsonNode> assigned = await().atMost(Duration.ofSeconds(20)).until(() -> all(Topics.FOLLOW_UP_VISITS,
                "FollowUpVisitAssigned").stream().filter(d -> d.get("disputeId").asString().equals(id)).toList(),
                list -> list.size() == 3);   // the agreement's visit and the two asked for
        JsonNode past = assigned.stream().filter(d -> d.get("dueOn").asString().equals("2026-01-15")).findFirst()
                .orElseThrow();
        assertThat(past.get("assigneeId").asString()).isEqualTo("officer-lichuan-01");
        assertThat(past.get("partyName").asString()).isEqualTo("马某某");
        assertThat(past.get("alreadyDue").asBoolean()).isTrue();
        JsonNode future = assigned.stream().filter(d -> d.get("dueOn").asString().equals(later)).findFirst()
                .orElseThrow();
        assertThat(future.get("assigneeId").asString()).as("the caller by default").isEqualTo("mediator-621223101");
        assertThat(future.get("alreadyDue").asBoolean()).isFalse();
        ApiClient.Response stranger = driver.post(id, "schedule-visit", "{\"dueOn\":\"2026-01-15\",\"partyName\":\"张三\"}");
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.json().get("errors").findValuesAsString("field")).containsExactly("partyName");
    }

    @Test
    void aSupervisorSupervisesADisputeAndTheEventSaysWhyAndByWhen() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("MEDIATING");
        ApiClient supervisor = ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.LICHUAN));
        String by = LocalDate.now(Times.COUNTY_ZONE).plusDays(3).toString();

        JsonNode after = ok(supervisor.post("/api/disputes/" + id + "/supervise",
                "{\"reason\":\"调解超期，请三日内办结\",\"deadline\":\"" + by + "\"}"));

        assertThat(after.get("state").asString()).as("not a step").isEqualTo("MEDIATING");
        assertThat(after.get("supervisions").get(0).get("reason").asString()).isEqualTo("调解超期，请三日内办结");
        JsonNode last = after.get("timeline").get(after.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("supervise");
        assertThat(last.get("remark").asString()).contains("督办", by);
        JsonNode event = await().atMost(Duration.ofSeconds(20)).until(() -> data(Topics.DISPUTES, id,
                "DisputeSupervised"), d -> d != null);
        assertThat(event.get("reason").asString()).isEqualTo("调解超期，请三日内办结");
        assertThat(event.get("deadline").asString()).isEqualTo(by);
        assertThat(event.get("supervisorId").asString()).isEqualTo("supervisor-621223101");
        assertThat(event.get("supervisorAreaCode").asString()).isEqualTo(TestUsers.YANGJIA_GRID);
        assertThat(event.get("state").asString()).isEqualTo("MEDIATING");

        ApiClient.Response past = supervisor.post("/api/disputes/" + id + "/supervise",
                "{\"reason\":\"x\",\"deadline\":\"2020-01-01\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").findValuesAsString("field")).containsExactly("deadline");
        String archived = driver.openIn("ARCHIVED");
        ApiClient.Response closed = supervisor.post("/api/disputes/" + archived + "/supervise", "{\"reason\":\"x\"}");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(driver.post(id, "supervise", "{\"reason\":\"x\"}").status()).as("a mediator may not").isEqualTo(403);
        assertThat(driver.api().get("/api/disputes/" + id).json().get("supervisions")).hasSize(1);
    }

    private static JsonNode data(String topic, String key, String type) {
        return TestEvents.readAll(topic, Duration.ofMillis(300)).stream()
                .filter(r -> key.equals(r.key()) && type.equals(TestEvents.eventName(r)))
                .map(SupervisionAndAssignmentTest::json).findFirst().orElse(null);
    }

    private static List<JsonNode> all(String topic, String type) {
        return TestEvents.readAll(topic, Duration.ofMillis(300)).stream()
                .filter(r -> type.equals(TestEvents.eventName(r)))
                .collect(java.util.stream.Collectors.toMap(r -> TestEvents.header(r, "ce_id"),
                        SupervisionAndAssignmentTest::json, (a, b) -> a, java.util.LinkedHashMap::new))
                .values().stream().toList();
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }
}
