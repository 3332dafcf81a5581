package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.workflow.Workflow;
import tools.jackson.databind.JsonNode;

/** The workflow table walked through the API: every transition once, and every action refused where it is illegal. */
@ServiceIntegrationTest
class DisputeWorkflowTest {

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> everyLegalTransitionMovesTheDisputeAndRecordsWhoDidIt() {
        // commend answers 201 with the commendation: DisputeCommendationTest
        return DisputeWorkflow.TABLE.transitions().stream().filter(t -> !t.action().equals(DisputeWorkflow.COMMEND))
                .map(t -> DynamicTest.dynamicTest(
                t.from() + " --" + t.action() + "--> " + t.to(), () -> legal(t)));
    }

    private void legal(Workflow.Transition<DisputeState> t) {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn(t.from().name());
        if (t.action().equals("fulfil") || t.action().equals("archive") && t.from() == DisputeState.PERFORMING) {
            driver.act(id, "perform-term");
        }
        if (t.action().equals("archive") && t.from() != DisputeState.DECLINED && t.from() != DisputeState.TERMINATED) {
            completeVisit(driver, id + "-visit-agreement-1");
            driver.act(id, "excuse-visit");   // the other party: asked, or why not on record
        }
        JsonNode after = driver.act(id, t.action()).json();

        assertThat(after.get("state").asString()).isEqualTo(t.to().name());
        JsonNode last = after.get("timeline").get(after.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo(t.action());
        assertThat(last.get("actorId").asString()).isEqualTo("mediator-621223101");
        assertThat(last.get("at").asString()).endsWith("+08:00");
        assertThat(after.get("allowedActions").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(DisputeWorkflow.TABLE.actionsFrom(t.to()));
    }

    @TestFactory
    Stream<DynamicTest> everyIllegalActionIsAConflictThatChangesNothing() {
        return Stream.of(DisputeState.values()).map(state -> DynamicTest.dynamicTest(state.name(), () -> {
            DisputeDriver driver = new DisputeDriver(port);
            String id = driver.openIn(state.name());
            JsonNode before = driver.api().get("/api/disputes/" + id).json();
            Set<String> illegal = new TreeSet<>(DisputeWorkflow.TABLE.actions());
            illegal.removeAll(DisputeWorkflow.TABLE.actionsFrom(state));
            List<String> checked = new ArrayList<>();
            for (String action : illegal) {
                ApiClient.Response refused = driver.post(id, action, DisputeDriver.BODIES.get(action));
                assertThat(refused.status()).as(state + " " + action + ": " + refused.text()).isEqualTo(409);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.json().get("state").asString()).isEqualTo(state.name());
                assertThat(refused.json().get("allowed").valueStream().map(JsonNode::asString).toList())
                        .containsExactlyElementsOf(DisputeWorkflow.TABLE.actionsFrom(state));
                checked.add(action);
            }
            assertThat(checked).isNotEmpty();
            assertThat(driver.api().get("/api/disputes/" + id).json().get("version").asLong())
                    .as("nothing stored").isEqualTo(before.get("version").asLong());
        }));
    }

    @Test
    void badBodiesAreValidationProblemsThatStoreNothing() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("MEDIATING");
        long version = driver.api().get("/api/disputes/" + id).json().get("version").asLong();

        var noMethod = driver.post(id, "hold-session", "{\"heldOn\":\"2026-01-05\",\"place\":\"村委会\","
                + "\"mediatorIds\":[\"m\"]}");
        var noParty = driver.post(id, "agree", "{\"signedOn\":\"2026-01-06\",\"terms\":[{\"obligorIndex\":7,"
                + "\"obligation\":\"赔偿\",\"amountFen\":100,\"dueOn\":\"2026-01-20\"}]}");
        var badPhone = driver.post(id, "add-parties", "{\"parties\":[{\"kind\":\"PERSON\",\"role\":\"THIRD_PARTY\","
                + "\"name\":\"李某\",\"phone\":\"12345\"}]}");

        assertThat(noMethod.status()).isEqualTo(400);
        assertThat(noMethod.json().get("errors").findValuesAsString("field")).containsExactly("method");
        assertThat(noParty.status()).isEqualTo(400);
        assertThat(noParty.json().get("errors").findValuesAsString("field")).containsExactly("terms[0].obligorIndex");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.text()).doesNotContain("12345");
        assertThat(driver.api().get("/api/disputes/" + id).json().get("version").asLong()).isEqualTo(version);
    }

    @Test
    void judicialConfirmationMustBeAppliedForWithinThirtyDaysOfTakingEffect() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("AGREED");

        var late = driver.post(id, "apply-confirmation", "{\"appliedOn\":\"2026-02-06\"}");
        var inTime = driver.post(id, "apply-confirmation", "{\"appliedOn\":\"2026-02-05\"}");

        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:confirmation-window");
        assertThat(inTime.status()).isEqualTo(200);
        assertThat(inTime.json().get("state").asString()).isEqualTo("CONFIRMATION_PENDING");
    }

    @Test
    void partiesArePersonalDataShownMaskedAndUnmaskedOnlyForAllowedRolesWithAnAuditRecord() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.open();

        JsonNode masked = driver.api().get("/api/disputes/" + id).json().get("parties").get(0);
        JsonNode clear = driver.api().get("/api/disputes/" + id + "?unmask=true").json().get("parties").get(0);
        var member = ApiClient.local(port).withToken(org.tanchang.grid.platform.test.TestUsers.gridMember(
                org.tanchang.grid.platform.test.TestUsers.YANGJIA_GRID)).get("/api/disputes/" + id + "?unmask=true");

        assertThat(masked.get("idNumber").asString()).isEqualTo("110105********002X");
        assertThat(masked.get("phone").asString()).isEqualTo("138****8000");
        assertThat(clear.get("idNumber").asString()).isEqualTo("11010519491231002X");
        assertThat(clear.get("phone").asString()).isEqualTo("13800138000");
        assertThat(member.status()).isEqualTo(403);
    }

    private static void completeVisit(DisputeDriver driver, String visitId) {
        var done = driver.api().post("/api/follow-up-visits/" + visitId + "/complete", "{\"visitedOn\":\"2026-01-12\","
                + "\"partyName\":\"杨某某\",\"satisfied\":true,\"hazardRemains\":false}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
    }
}
