package org.tanchang.grid.petition.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.petition.request.RequestFixtures;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.workflow.Workflow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundle's table walked the way the service walks it: accept through the API, all-tasks-done and task-failed
 * from the units' task outcomes (POST /api/bundle-tasks/{taskId}/complete). Every transition reaches the state the
 * table names, is recorded in the bundle's timeline and published as RequestStateChanged; every API action a state
 * does not allow is a 409 naming what it allows, and the bundle is unchanged.
 */
@ServiceIntegrationTest
class BundleWorkflowIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ANSWERS = "{\"childName\":\"杨小禾\",\"birthDate\":\"2026-10-30\",\"fatherName\":\"杨建国\","
            + "\"motherName\":\"李秀兰\",\"birthCertificateNumber\":\"Q620001234\"}";
    private static final String CLERK = "clerk-lichuan";
    /** Actions a caller sends to /api/bundle-requests/{id}/{action}. */
    private static final Set<String> API_ACTIONS = Set.of("accept");
    /** Actions the service takes itself when a task outcome arrives; the timeline names the system as actor. */
    private static final Set<String> OUTCOME_ACTIONS = Set.of("all-tasks-done", "task-failed");

    @LocalServerPort
    int port;

    @Autowired
    MongoOperations mongo;

    @Test
    void everyActionOfTheTableIsEitherAnEndpointOrATaskOutcome() {
        Set<String> known = new TreeSet<>(API_ACTIONS);
        known.addAll(OUTCOME_ACTIONS);
        assertThat(known).as("a new action needs its way here").isEqualTo(BundleWorkflow.TABLE.actions());
    }

    @TestFactory
    Stream<DynamicTest> everyTransitionMovesTheBundleAndRecordsItsStep() {
        return BundleWorkflow.TABLE.transitions().stream().map(t -> DynamicTest.dynamicTest(
                t.from() + " --" + t.action() + "--> " + t.to(), () -> legal(t)));
    }

    private void legal(Workflow.Transition<BundleRequest.State> t) {
        String id = bundleIn(t.from());
        int steps = stored(id).timeline.size();

        JsonNode after = drive(id, t.action());

        assertThat(after.get("state").asString()).isEqualTo(t.to().name());
        BundleRequest b = stored(id);
        assertThat(b.timeline).hasSize(steps + 1);
        BundleRequest.TimelineEntry step = b.timeline.get(steps);
        assertThat(step.action()).isEqualTo(t.action());
        assertThat(step.state()).isEqualTo(t.to());
        assertThat(step.actor()).isEqualTo(API_ACTIONS.contains(t.action()) ? CLERK : "system");
        assertThat(step.at()).isNotNull();
        if (t.action().equals("task-failed")) {
            assertThat(step.remark()).startsWith("SS-NEWBORN-INSURANCE: ");
            assertThat(after.get("failedTaskId").asString()).isEqualTo(after.get("tasks").get(1).get("taskId").asString());
        }
        if (t.to() == BundleRequest.State.COMPLETED || t.to() == BundleRequest.State.FAILED) {
            assertThat(after.get("completedAt").asString()).endsWith("+08:00");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stateChanges(id))
                .contains(t.from().name() + "->" + t.to().name()));
    }

    @TestFactory
    Stream<DynamicTest> everyApiActionAStateDoesNotAllowIsAConflictAndChangesNothing() {
        return Stream.of(BundleRequest.State.values()).filter(state -> !illegalApiActions(state).isEmpty())
                .map(state -> DynamicTest.dynamicTest(state.name(), () -> {
                    String id = bundleIn(state);
                    JsonNode before = bundle(id);
                    long version = stored(id).version;
                    for (String action : illegalApiActions(state)) {
                        ApiClient.Response refused = clerk().post("/api/bundle-requests/" + id + "/" + action, "{}");
                        assertThat(refused.status()).as(state + " " + action + ": " + refused.text()).isEqualTo(409);
                        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                        assertThat(refused.json().get("state").asString()).isEqualTo(state.name());
                        assertThat(refused.json().get("allowed").valueStream().map(JsonNode::asString).toList())
                                .containsExactlyElementsOf(BundleWorkflow.TABLE.actionsFrom(state));
                    }
                    assertThat(bundle(id)).as("the bundle as its applicant sees it").isEqualTo(before);
                    assertThat(stored(id).version).as("nothing stored").isEqualTo(version);
                }));
    }

    @Test
    void aFailedBundleStaysFailedNamingTheFirstFailedTaskWhenTheOtherTaskFailsToo() {
        String id = bundleIn(BundleRequest.State.FAILED);
        JsonNode failed = bundle(id);
        String other = failed.get("tasks").get(0).get("taskId").asString();

        complete(other, "FAILED");
        await().atMost(Duration.ofSeconds(20)).until(() -> bundle(id).get("tasks").get(0).get("outcome").isString());

        JsonNode after = bundle(id);
        assertThat(after.get("state").asString()).isEqualTo("FAILED");
        assertThat(after.get("failedTaskId")).isEqualTo(failed.get("failedTaskId"));
        assertThat(after.get("completedAt")).isEqualTo(failed.get("completedAt"));
        assertThat(stored(id).timeline).extracting(BundleRequest.TimelineEntry::action)
                .containsExactly("submit", "accept", "task-failed");
    }

    /** A fresh child-birth bundle in {@code state}, reached the way the service reaches it. */
    private String bundleIn(BundleRequest.State state) {
        var submitted = citizen().post("/api/bundle-requests", "{\"bundleCode\":\"ONE-CHILD-BIRTH\",\"gridCode\":\""
                + TestUsers.YANGJIA_GRID + "\",\"answers\":" + ANSWERS + "}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        // a switch expression, so a state added to the enum does not compile until its way here is written
        List<String> path = switch (state) {
            case SUBMITTED -> List.of();
            case ACCEPTED -> List.of("accept");
            case COMPLETED -> List.of("accept", "all-tasks-done");
            case FAILED -> List.of("accept", "task-failed");
        };
        path.forEach(action -> drive(id, action));
        assertThat(bundle(id).get("state").asString()).isEqualTo(state.name());
        return id;
    }

    /** Takes {@code action} the way the service takes it; returns the bundle as its applicant then sees it. */
    private JsonNode drive(String id, String action) {
        List<String> tasks = bundle(id).get("tasks").valueStream().map(t -> t.get("taskId").asString()).toList();
        switch (action) {
            case "accept" -> {
                ApiClient.Response accepted = clerk().post("/api/bundle-requests/" + id + "/accept", "{}");
                assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
                return accepted.json();
            }
            case "all-tasks-done" -> tasks.forEach(task -> complete(task, "DONE"));
            case "task-failed" -> complete(tasks.get(tasks.size() - 1), "FAILED");
            default -> fail("no way to drive the new action '" + action + "' of the bundle table");
        }
        String ended = action.equals("task-failed") ? "FAILED" : "COMPLETED";
        await().atMost(Duration.ofSeconds(20)).until(() -> bundle(id).get("state").asString().equals(ended));
        return bundle(id);
    }

    /** Completes a task as its unit; waits for the task to be fanned out first (it comes by event). */
    private void complete(String taskId, String outcome) {
        await().atMost(Duration.ofSeconds(20)).until(() -> clerk().post("/api/bundle-tasks/" + taskId + "/complete",
                "{\"outcome\":\"" + outcome + "\",\"reason\":\"单位办结：" + outcome + "\"}").status() == 204);
    }

    private static Set<String> illegalApiActions(BundleRequest.State state) {
        Set<String> illegal = new TreeSet<>(API_ACTIONS);
        illegal.removeAll(BundleWorkflow.TABLE.actionsFrom(state));
        return illegal;
    }

    /** The published RequestStateChanged of the bundle, as "FROM->TO". */
    private static List<String> stateChanges(String id) {
        return TestEvents.readAll(Topics.REQUESTS, Duration.ofMillis(500)).stream()
                .filter(r -> id.equals(TestEvents.header(r, "ce_subject"))
                        && "RequestStateChanged".equals(TestEvents.eventName(r)))
                .map(r -> JSON.readTree(r.value()))
                .map(e -> text(e.findValue("fromState")) + "->" + text(e.findValue("toState")))
                .toList();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asString();
    }

    private BundleRequest stored(String id) {
        return mongo.findById(id, BundleRequest.class);
    }

    private JsonNode bundle(String id) {
        ApiClient.Response response = citizen().get("/api/bundle-requests/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private ApiClient citizen() {
        return ApiClient.local(port).withToken(TestUsers.citizen("mother"));
    }

    private ApiClient clerk() {
        return ApiClient.local(port).withToken(RequestFixtures.clerk());
    }
}
