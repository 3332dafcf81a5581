package org.tanchang.grid.mediation.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.mediation.dispute.DisputeDriver;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.workflow.Workflow;
import tools.jackson.databind.JsonNode;

/**
 * The follow-up visit's table walked through the API: every transition moves the visit to the state the table names
 * and records who made the visit and when; every action a state does not allow is a 409 naming what it allows and
 * changes nothing. A visit is made once: even an identical retry of a completion is refused (the code promises no
 * idempotent retry), and a second, different outcome neither rewrites the first nor schedules a revisit.
 */
@ServiceIntegrationTest
class FollowUpVisitWorkflowTest {

    private static final String MEDIATOR = "mediator-621223101";

    /** A valid body per action; an action added to the table without one fails here by name. */
    private static final Map<String, String> BODIES = Map.of(FollowUpVisitWorkflow.COMPLETE, """
            {"visitedOn":"2026-01-12","partyName":"杨某某","satisfied":true,"hazardRemains":false,
             "notes":"赔偿已全部到位，药农表示满意"}""");

    /** A different outcome of the same visit: had it been accepted, it would have scheduled a revisit. */
    private static final String OTHER_OUTCOME = """
            {"visitedOn":"2026-01-13","partyName":"马某某","satisfied":false,"hazardRemains":true,
             "notes":"仍有不满"}""";

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> everyLegalTransitionMovesTheVisitAndRecordsWhoMadeIt() {
        return FollowUpVisitWorkflow.TABLE.transitions().stream().map(t -> DynamicTest.dynamicTest(
                t.from() + " --" + t.action() + "--> " + t.to(), () -> legal(t)));
    }

    private void legal(Workflow.Transition<FollowUpVisitStatus> t) {
        DisputeDriver driver = new DisputeDriver(port);
        String id = visitIn(driver, t.from());
        long version = visit(driver, id).get("version").asLong();

        ApiClient.Response done = post(driver, id, t.action(), body(t.action()));

        assertThat(done.status()).as(done.text()).isEqualTo(200);
        JsonNode after = done.json();
        assertThat(after.get("status").asString()).isEqualTo(t.to().name());
        assertThat(after.get("version").asLong()).isGreaterThan(version);
        JsonNode outcome = after.get("outcome");
        assertThat(outcome.get("visitorId").asString()).isEqualTo(MEDIATOR);
        assertThat(outcome.get("recordedAt").asString()).endsWith("+08:00");
        assertThat(outcome.get("visitedOn").asString()).isEqualTo("2026-01-12");
        assertThat(outcome.get("partyName").asString()).isEqualTo("杨某某");
        assertThat(visit(driver, id)).as("what a reload shows").isEqualTo(after);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(completedEvents(id)).isEqualTo(1));
    }

    @TestFactory
    Stream<DynamicTest> everyIllegalActionIsAConflictThatChangesNothing() {
        return Stream.of(FollowUpVisitStatus.values())
                .filter(state -> !illegalIn(state).isEmpty())
                .map(state -> DynamicTest.dynamicTest(state.name(), () -> {
                    DisputeDriver driver = new DisputeDriver(port);
                    String id = visitIn(driver, state);
                    JsonNode before = visit(driver, id);
                    long visitsOfDispute = visitsOf(driver, before.get("disputeId").asString());
                    for (String action : illegalIn(state)) {
                        // the identical retry and a different outcome: neither is a second visit
                        for (String body : new String[] {body(action), OTHER_OUTCOME}) {
                            ApiClient.Response refused = post(driver, id, action, body);
                            assertThat(refused.status()).as(state + " " + action + ": " + refused.text())
                                    .isEqualTo(409);
                            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                            assertThat(refused.json().get("state").asString()).isEqualTo(state.name());
                            assertThat(refused.json().get("action").asString()).isEqualTo(action);
                            assertThat(refused.json().get("allowed").valueStream().map(JsonNode::asString).toList())
                                    .containsExactlyElementsOf(FollowUpVisitWorkflow.TABLE.actionsFrom(state));
                        }
                    }
                    assertThat(visit(driver, id)).as("nothing stored").isEqualTo(before);
                    assertThat(visitsOf(driver, before.get("disputeId").asString())).as("no revisit scheduled")
                            .isEqualTo(visitsOfDispute);
                    if (state == FollowUpVisitStatus.COMPLETED) {
                        // the one completion's event, read after the refusals: none of them published another
                        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                                () -> assertThat(completedEvents(id)).isEqualTo(1));
                    }
                }));
    }

    private static Set<String> illegalIn(FollowUpVisitStatus state) {
        Set<String> illegal = new TreeSet<>(FollowUpVisitWorkflow.TABLE.actions());
        illegal.removeAll(FollowUpVisitWorkflow.TABLE.actionsFrom(state));
        return illegal;
    }

    /** A fresh visit in {@code state}: the one scheduled when a dispute's agreement is signed, made or not. */
    private String visitIn(DisputeDriver driver, FollowUpVisitStatus state) {
        String id = driver.openIn("AGREED") + "-visit-agreement-1";
        // a switch expression, so a state added to the enum does not compile until its way here is written
        String way = switch (state) {
            case SCHEDULED -> null;
            case COMPLETED -> FollowUpVisitWorkflow.COMPLETE;
        };
        if (way != null) {
            ApiClient.Response made = post(driver, id, way, body(way));
            assertThat(made.status()).as(made.text()).isEqualTo(200);
        }
        assertThat(visit(driver, id).get("status").asString()).isEqualTo(state.name());
        return id;
    }

    private static String body(String action) {
        return Objects.requireNonNull(BODIES.get(action), "no body for the new action '" + action + "'");
    }

    private static ApiClient.Response post(DisputeDriver driver, String id, String action, String body) {
        return driver.api().post("/api/follow-up-visits/" + id + "/" + action, body);
    }

    private static JsonNode visit(DisputeDriver driver, String id) {
        ApiClient.Response response = driver.api().get("/api/follow-up-visits/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static long visitsOf(DisputeDriver driver, String disputeId) {
        return driver.api().get("/api/follow-up-visits?disputeId=" + disputeId).json().get("total").asLong();
    }

    private static long completedEvents(String visitId) {
        return TestEvents.readAll(Topics.FOLLOW_UP_VISITS, Duration.ofMillis(500)).stream()
                .filter(r -> visitId.equals(r.key()) && "FollowUpVisitCompleted".equals(TestEvents.eventName(r)))
                .map(r -> TestEvents.header(r, "ce_id")).distinct().count();
    }
}
