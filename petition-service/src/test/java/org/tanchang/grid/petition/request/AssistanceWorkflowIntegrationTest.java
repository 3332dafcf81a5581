package org.tanchang.grid.petition.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.workflow.Workflow;
import tools.jackson.databind.JsonNode;

/**
 * The assistance table (协查: ask, remind, reply) walked through its endpoints under
 * /api/service-requests/{id}/assistance/{assistanceId}/{action}: every transition that has an endpoint moves the
 * assistance to the state the table names and records the step in the request's timeline; every action a state does
 * not allow is a 409 naming what it allows and changes nothing.
 */
@ServiceIntegrationTest
class AssistanceWorkflowIntegrationTest {

    private static final String CLERK = "clerk-lichuan";

    /** Each action with an endpoint: its body and the timeline entry it writes. */
    private record Endpoint(String body, String timelineAction) {
    }

    private static final Map<String, Endpoint> ENDPOINTS = Map.of(
            "remind", new Endpoint("{\"remark\":\"电话催办\"}", "remind-assistance"),
            "reply", new Endpoint("{\"reply\":\"经核实，杨某某1999年前户籍在我所辖区，已注销\",\"confirmed\":true}",
                    "assistance-replied"),
            "withdraw", new Endpoint("{\"reason\":\"申请人已自行补齐户籍证明\"}", "withdraw-assistance"));
    /** In the table, without an endpoint; none at present, but a row added without one must be listed here. */
    private static final Set<String> NO_ENDPOINT = Set.of();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoOperations mongo;

    @Test
    void everyActionOfTheTableHasAnEndpointOrIsKnownToLackOne() {
        Set<String> known = new TreeSet<>(ENDPOINTS.keySet());
        known.addAll(NO_ENDPOINT);
        assertThat(known).as("a new action needs its endpoint here").isEqualTo(AssistanceWorkflow.TABLE.actions());
    }

    @TestFactory
    Stream<DynamicTest> everyTransitionMovesTheAssistanceAndRecordsItsStep() {
        return AssistanceWorkflow.TABLE.transitions().stream().map(t -> DynamicTest.dynamicTest(
                t.from() + " --" + t.action() + "--> " + t.to(), () -> {
                    if (NO_ENDPOINT.contains(t.action())) {
                        noEndpoint(t);
                    } else {
                        legal(t);
                    }
                }));
    }

    private void legal(Workflow.Transition<Assistance.State> t) {
        Asked a = assistanceIn(t.from());
        JsonNode before = request(a);

        ApiClient.Response done = post(a, t.action(), ENDPOINTS.get(t.action()).body());

        assertThat(done.status()).as(done.text()).isEqualTo(200);
        JsonNode after = done.json();
        JsonNode assistance = assistanceOf(after, a);
        assertThat(assistance.get("state").asString()).isEqualTo(t.to().name());
        assertThat(after.get("state")).as("the request's own state").isEqualTo(before.get("state"));
        assertThat(after.get("timeline")).hasSize(before.get("timeline").size() + 1);
        JsonNode last = after.get("timeline").get(after.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo(ENDPOINTS.get(t.action()).timelineAction());
        assertThat(last.get("actor").asString()).isEqualTo(CLERK);
        assertThat(last.get("at").asString()).endsWith("+08:00");
        assertThat(last.get("remark").asString()).contains("乌海市公安局新华派出所");
        switch (t.action()) {
            case "remind" -> assertThat(assistance.get("reminders")).hasSize(
                    assistanceOf(before, a).get("reminders").size() + 1);
            case "reply" -> {
                assertThat(assistance.get("reply").asString()).startsWith("经核实");
                assertThat(assistance.get("confirmed").asBoolean()).isTrue();
                assertThat(assistance.get("repliedAt").asString()).endsWith("+08:00");
            }
            case "withdraw" -> assertThat(last.get("remark").asString()).contains("申请人已自行补齐户籍证明");
            default -> throw new AssertionError("no check written for '" + t.action() + "'");
        }
        assertThat(after.get("waitingFor")).as("waiting only while asked").hasSize(t.to() == Assistance.State.ASKED ? 1 : 0);
        assertThat(request(a).get("version")).as("what a reload shows").isEqualTo(after.get("version"));
    }

    /** The action has no endpoint: the call is not routed and the assistance stays as it was. */
    private void noEndpoint(Workflow.Transition<Assistance.State> t) {
        Asked a = assistanceIn(t.from());
        JsonNode before = request(a);
        ApiClient.Response missing = post(a, t.action(), "{}");
        assertThat(missing.status()).as(t.action() + " has an endpoint now: move it to ENDPOINTS and test it; "
                + missing.text()).isIn(404, 405);
        assertThat(request(a).get("version")).isEqualTo(before.get("version"));
    }

    @TestFactory
    Stream<DynamicTest> everyActionAStateDoesNotAllowIsAConflictAndChangesNothing() {
        return Stream.of(Assistance.State.values()).filter(state -> !illegalIn(state).isEmpty())
                .map(state -> DynamicTest.dynamicTest(state.name(), () -> {
                    Asked a = assistanceIn(state);
                    JsonNode before = request(a);
                    for (String action : illegalIn(state)) {
                        ApiClient.Response refused = post(a, action, ENDPOINTS.get(action).body());
                        assertThat(refused.status()).as(state + " " + action + ": " + refused.text()).isEqualTo(409);
                        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                        assertThat(refused.json().get("state").asString()).isEqualTo(state.name());
                        assertThat(refused.json().get("action").asString()).isEqualTo(action);
                        assertThat(refused.json().get("allowed").valueStream().map(JsonNode::asString).toList())
                                .containsExactlyElementsOf(AssistanceWorkflow.TABLE.actionsFrom(state));
                    }
                    JsonNode after = request(a);
                    assertThat(after.get("version")).as("nothing stored").isEqualTo(before.get("version"));
                    assertThat(after.get("timeline")).isEqualTo(before.get("timeline"));
                    assertThat(after.get("assistance")).isEqualTo(before.get("assistance"));
                }));
    }

    /** The actions with an endpoint that {@code state} refuses. */
    private static Set<String> illegalIn(Assistance.State state) {
        Set<String> illegal = new TreeSet<>(ENDPOINTS.keySet());
        illegal.removeAll(AssistanceWorkflow.TABLE.actionsFrom(state));
        return illegal;
    }

    /** A request and one of its assistances. */
    private record Asked(String requestId, String assistanceId) {
    }

    /**
     * A fresh assistance in {@code state}: asked and answered through the API on an accepted request; WITHDRAWN is
     * written into the store, as no endpoint reaches it.
     */
    private Asked assistanceIn(Assistance.State state) {
        String id = new RequestSeeds(context).inState("citizen-assist", RequestState.ACCEPTED).id();
        JsonNode asked = new RequestFixtures(port).step(id, "assistance", "{\"agency\":\"乌海市公安局新华派出所\","
                + "\"question\":\"请核实杨某某1999年前的户籍\",\"timeLimit\":\"5WD\"}");
        Asked a = new Asked(id, asked.get("assistance").get(0).get("id").asString());
        // a switch expression, so a state added to the enum does not compile until its way here is written
        String way = switch (state) {
            case ASKED -> null;
            case ANSWERED -> "reply";
            case WITHDRAWN -> "store";
        };
        if ("reply".equals(way)) {
            ApiClient.Response replied = post(a, way, ENDPOINTS.get(way).body());
            assertThat(replied.status()).as(replied.text()).isEqualTo(200);
        } else if ("store".equals(way)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("assistance.id").is(a.assistanceId())),
                    new Update().set("assistance.$.state", state.name()).inc("version", 1), ServiceRequest.class);
        }
        assertThat(assistanceOf(request(a), a).get("state").asString()).isEqualTo(state.name());
        return a;
    }

    private ApiClient.Response post(Asked a, String action, String body) {
        return new RequestFixtures(port).as(RequestFixtures.clerk()).post("/api/service-requests/" + a.requestId()
                + "/assistance/" + a.assistanceId() + "/" + action, body);
    }

    private JsonNode request(Asked a) {
        ApiClient.Response response = new RequestFixtures(port).as(RequestFixtures.clerk())
                .get("/api/service-requests/" + a.requestId());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode assistanceOf(JsonNode request, Asked a) {
        return request.get("assistance").valueStream().filter(x -> x.get("id").asString().equals(a.assistanceId()))
                .findFirst().orElseThrow();
    }
}
