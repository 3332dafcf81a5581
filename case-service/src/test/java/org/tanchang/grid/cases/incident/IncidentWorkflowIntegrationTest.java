package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.workflow.Workflow;
import tools.jackson.databind.JsonNode;

/** Every transition of the incident workflow through the API, legal and illegal, iterating the table itself. */
@ServiceIntegrationTest
class IncidentWorkflowIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Walk walk() {
        return new Walk(port, "officer-wf-" + UUID.randomUUID(), "citizen-wf-" + UUID.randomUUID());
    }

    @Test
    void everyLegalTransitionMovesTheIncidentRecordsTheStepAndPublishesIncidentStateChanged() {
        Map<String, Workflow.Transition<IncidentState>> taken = new java.util.HashMap<>();
        for (Workflow.Transition<IncidentState> transition : IncidentWorkflow.TABLE.transitions()) {
            if (transition.action().equals("commend")) {
                continue;   // answers 201 with the commendation: CommendationIntegrationTest
            }
            Walk walk = walk();
            String id = walk.to(transition.from().name(), "wf-" + UUID.randomUUID());

            var response = walk.take(id, transition.action());

            String what = transition + " → " + response.text();
            assertThat(response.status()).as(what).isEqualTo(200);
            JsonNode incident = response.json();
            assertThat(incident.get("state").asString()).as(what).isEqualTo(transition.to().name());
            JsonNode last = incident.get("timeline").get(incident.get("timeline").size() - 1);
            assertThat(last.get("action").asString()).isEqualTo(transition.action());
            assertThat(last.get("state").asString()).isEqualTo(transition.to().name());
            assertThat(last.get("actor").asString()).as("the actor comes from the token").startsWith(
                    transition.action().equals("evaluate") ? "citizen-wf-"
                            : List.of("verify", "reject", "reopen").contains(transition.action()) ? "supervisor-"
                            : "officer-wf-");
            assertThat(last.get("at").asString()).endsWith("+08:00");
            assertThat(incident.get("allowedActions").toString()).isEqualTo(
                    ApiClient.json(IncidentWorkflow.TABLE.actionsFrom(transition.to())));
            assertThat(walk.officer().get("/api/incidents/" + id).json().get("state").asString())
                    .isEqualTo(transition.to().name());
            taken.put(id, transition);
        }
        assertThat(taken).hasSize((int) IncidentWorkflow.TABLE.transitions().stream()
                .filter(t -> !t.action().equals("commend")).count());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> published = new ArrayList<>();
            TestEvents.readAll(Topics.INCIDENTS, Duration.ofSeconds(1)).stream()
                    .filter(r -> "IncidentStateChanged".equals(TestEvents.eventName(r)))
                    .filter(r -> taken.containsKey(TestEvents.header(r, "ce_subject")))
                    .forEach(r -> published.add(TestEvents.header(r, "ce_subject") + " " + r.value()));
            taken.forEach((id, t) -> assertThat(published).as(t.toString()).anyMatch(e -> e.startsWith(id + " ")
                    && e.contains("\"fromState\":\"" + t.from() + "\"") && e.contains("\"toState\":\"" + t.to() + "\"")
                    && e.contains("\"caseNumber\":\"621223-")));
        });
    }

    @Test
    void everyActionAStateDoesNotAllowIsA409NamingTheAllowedOnesAndChangesNothing() {
        Walk walk = walk();
        int refused = 0;
        for (IncidentState state : IncidentState.values()) {
            String id = walk.to(state.name(), "wf-illegal-" + UUID.randomUUID());
            Document before = mongo.findById(id, Document.class, "incidents");
            for (String action : IncidentWorkflow.TABLE.actions()) {
                if (IncidentWorkflow.TABLE.allows(state, action)) {
                    continue;
                }
                var response = walk.take(id, action);
                assertThat(response.status()).as(state + " " + action + " " + response.text()).isEqualTo(409);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.json().get("state").asString()).isEqualTo(state.name());
                assertThat(response.json().get("allowed").toString())
                        .isEqualTo(ApiClient.json(IncidentWorkflow.TABLE.actionsFrom(state)));
                refused++;
            }
            Document after = mongo.findById(id, Document.class, "incidents");
            assertThat(after.get("version")).as(state + ": nothing written").isEqualTo(before.get("version"));
        }
        assertThat(refused).isGreaterThan(80);
    }

    @Test
    void onlyTheDispatchedOfficerAcceptsAndOnlyTheReportingCitizenRates() {
        Walk walk = walk();
        String dispatched = walk.to("DISPATCHED", "wf-" + UUID.randomUUID());
        var otherOfficer = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN))
                .post("/api/incidents/" + dispatched + "/accept", "{}");
        String closed = walk.to("CLOSED", "wf-" + UUID.randomUUID());
        var otherCitizen = ApiClient.local(port).withToken(TestUsers.citizen("someone-else"))
                .post("/api/incidents/" + closed + "/evaluate", "{\"rating\":1}");
        var badRating = walk.citizen().post("/api/incidents/" + closed + "/evaluate", "{\"rating\":6}");
        var rated = walk.take(closed, "evaluate");

        assertThat(otherOfficer.status()).isEqualTo(403);
        assertThat(otherCitizen.status()).as("another citizen's case stays unknown").isEqualTo(404);
        assertThat(badRating.status()).isEqualTo(400);
        assertThat(badRating.json().get("errors").findValuesAsString("field")).containsExactly("rating");
        assertThat(rated.json().get("rating").asInt()).isEqualTo(5);
        assertThat(walk.citizen().get("/api/incidents/" + closed).json().get("state").asString())
                .isEqualTo("EVALUATED");
    }

    @Test
    void aVoidOrReturnWithoutReasonIs400AndADispatchOutsideTheAreaIs403() {
        Walk walk = walk();
        String reported = walk.to("REPORTED", "wf-" + UUID.randomUUID());
        String registered = walk.to("REGISTERED", "wf-" + UUID.randomUUID());

        var noReason = walk.officer().post("/api/incidents/" + reported + "/void", "{}");
        var elsewhere = walk.officer().post("/api/incidents/" + registered + "/dispatch",
                "{\"gridCode\":\"" + TestUsers.DASHE_GRID + "\",\"officerId\":\"po-x\"}");
        var badType = walk.officer().post("/api/incidents/" + reported + "/register",
                "{\"type\":\"HERB_THEFT\",\"subType\":\"TELECOM\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("errors").findValuesAsString("field")).containsExactly("subType");
        assertThat(walk.officer().get("/api/incidents/" + reported).json().get("state").asString())
                .isEqualTo("REPORTED");
        assertThat(walk.officer().get("/api/incidents/" + registered).json().get("state").asString())
                .isEqualTo("REGISTERED");
    }

    @Test
    void registrationClassifiesAndSupervisionIsRecorded() {
        Walk walk = walk();
        String id = walk.to("REPORTED", "wf-" + UUID.randomUUID());

        JsonNode registered = walk.officer().post("/api/incidents/" + id + "/register",
                "{\"type\":\"HERB_THEFT\",\"subType\":\"FIELD\",\"urgency\":\"URGENT\"}").json();
        var supervised = walk.take(id, "supervise");
        var byOfficer = walk.officer().post("/api/incidents/" + id + "/supervise", "{\"reason\":\"x\"}");

        assertThat(registered.get("type").asString()).isEqualTo("HERB_THEFT");
        assertThat(registered.get("subType").asString()).isEqualTo("FIELD");
        assertThat(registered.get("urgency").asString()).isEqualTo("URGENT");
        assertThat(registered.get("dueAt").asString()).endsWith("+08:00");
        assertThat(supervised.status()).isEqualTo(200);
        assertThat(supervised.json().get("supervised").asBoolean()).isTrue();
        assertThat(supervised.json().get("state").asString()).isEqualTo("REGISTERED");
        assertThat(supervised.json().toString()).contains("督办: 测试原因");
        assertThat(byOfficer.status()).isEqualTo(403);
    }
}
