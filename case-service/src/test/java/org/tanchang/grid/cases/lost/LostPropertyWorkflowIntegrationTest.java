package org.tanchang.grid.cases.lost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.workflow.Workflow;
import tools.jackson.databind.JsonNode;

/**
 * Both lost-property workflows walked through the API table row by row: every allowed action moves the item to the
 * state the table names and records who, when and why in its timeline; every other action is a 409 problem naming
 * what the state allows and changes nothing.
 */
@ServiceIntegrationTest
class LostPropertyWorkflowIntegrationTest {

    private static final String OFFICER = "officer-own-township";

    @LocalServerPort
    int port;

    /** A found item walked to {@code state}, with the lost report it is (or would be) matched to. */
    private record Walked(String foundId, String lostId) {
    }

    private Walked walk(LostStates.Found state) {
        LostFixtures fixtures = new LostFixtures(port);
        String lostId = fixtures.lost("citizen-walk");
        String foundId = fixtures.found();
        switch (state) {
            case IN_CUSTODY -> { }
            case NOTICED -> act(foundId, "notice", lostId, 200);
            case MATCHED -> act(foundId, "match", lostId, 200);
            case RETURNED -> {
                act(foundId, "match", lostId, 200);
                act(foundId, "claim", lostId, 200);
            }
            case DISPOSED -> {
                act(foundId, "notice", lostId, 200);
                act(foundId, "dispose", lostId, 200);
            }
        }
        return new Walked(foundId, lostId);
    }

    private JsonNode act(String foundId, String action, String lostId, int expected) {
        String body = switch (action) {
            case "match" -> "{\"lostReportId\":\"" + lostId + "\"}";
            case "claim" -> LostFixtures.claimBody(lostId, LostFixtures.ID_NUMBER);
            case "notice" -> "{\"publicDescription\":\"拾得黑色背包一个\"}";
            case "release" -> "{\"reason\":\"失主到场核对：包内物品与报失不符\"}";
            case "commend" -> "{\"kind\":\"LETTER\",\"text\":\"你们真的是好警察\",\"receivedOn\":\"2026-11-30\","
                    + "\"giverName\":\"刘女士\",\"namedStaff\":[\"officer-own-township\"]}";
            default -> "{\"method\":\"TREASURY\",\"remark\":\"公告期满\"}";
        };
        String path = action.equals("commend") ? "commendations" : action;   // thanks are a sub-resource
        var response = new LostFixtures(port).officer().post("/api/found-items/" + foundId + "/" + path, body);
        assertThat(response.status()).as(action + ": " + response.text()).isEqualTo(expected);
        return response.json();
    }

    private JsonNode found(String id) {
        return new LostFixtures(port).officer().get("/api/found-items/" + id).json();
    }

    private JsonNode lost(String id) {
        return new LostFixtures(port).officer().get("/api/lost-reports/" + id).json();
    }

    @Test
    void everyFoundItemTransitionMovesAndRecordsItsStep() {
        for (Workflow.Transition<LostStates.Found> t : FoundItemWorkflow.TABLE.transitions()) {
            if (t.action().equals("commend")) {
                continue;   // answers 201 with the commendation: CommendationIntegrationTest
            }
            Walked item = walk(t.from());
            JsonNode after = act(item.foundId(), t.action(), item.lostId(), 200);
            assertThat(after.get("status").asString()).as(t.toString()).isEqualTo(t.to().name());
            JsonNode last = after.get("timeline").get(after.get("timeline").size() - 1);
            assertThat(last.get("action").asString()).isEqualTo(t.action());
            assertThat(last.get("from").asString()).isEqualTo(t.from().name());
            assertThat(last.get("to").asString()).isEqualTo(t.to().name());
            assertThat(last.get("actor").asString()).isEqualTo(OFFICER);
            assertThat(last.get("at").asString()).isNotBlank();
            assertThat(last.get("remark").asString()).isNotBlank();
        }
    }

    @Test
    void everyActionAStateDoesNotAllowIsRefusedWith409AndChangesNothing() {
        for (LostStates.Found state : LostStates.Found.values()) {
            Walked item = walk(state);
            JsonNode before = found(item.foundId());
            for (String action : FoundItemWorkflow.TABLE.actions()) {
                if (FoundItemWorkflow.TABLE.allows(state, action)) {
                    continue;
                }
                // a fresh lost report, so a refused match or claim is about the state and not a retry
                String otherLost = new LostFixtures(port).lost("citizen-other");
                JsonNode problem = act(item.foundId(), action, otherLost, 409);
                List<String> allowed = new ArrayList<>();
                problem.get("allowed").forEach(a -> allowed.add(a.asString()));
                assertThat(allowed).as(state + " " + action).containsExactlyElementsOf(FoundItemWorkflow.TABLE.actionsFrom(state));
                assertThat(lost(otherLost).get("status").asString()).isEqualTo("OPEN");
            }
            assertThat(found(item.foundId())).as(state.name()).isEqualTo(before);
        }
    }

    @Test
    void theLostReportFollowsItsItemOpenMatchedReturnedAndRefusesASecondMatch() {
        for (Workflow.Transition<LostStates.Report> t : LostReportWorkflow.TABLE.transitions()) {
            assertThat(Map.of("match", "MATCHED", "claim", "RETURNED", "release", "OPEN"))
                    .containsEntry(t.action(), t.to().name());
        }
        Walked item = walk(LostStates.Found.IN_CUSTODY);
        String second = new LostFixtures(port).found();
        assertThat(lost(item.lostId()).get("status").asString()).isEqualTo("OPEN");

        act(item.foundId(), "match", item.lostId(), 200);
        JsonNode matched = lost(item.lostId());
        assertThat(matched.get("status").asString()).isEqualTo("MATCHED");
        assertThat(matched.get("timeline").findValuesAsString("action")).containsExactly("report", "match");
        assertThat(act(second, "match", item.lostId(), 409).get("state").asString()).isEqualTo("MATCHED");
        assertThat(found(second).get("status").asString()).isEqualTo("IN_CUSTODY");

        act(item.foundId(), "claim", item.lostId(), 200);
        JsonNode returned = lost(item.lostId());
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        JsonNode claimStep = returned.get("timeline").get(2);
        assertThat(claimStep.get("action").asString()).isEqualTo("claim");
        assertThat(claimStep.get("actor").asString()).isEqualTo(OFFICER);
        assertThat(act(second, "match", item.lostId(), 409).get("allowed")).isEmpty();
    }

    @Test
    void aRetriedMatchOrClaimHasNoSecondEffect() {
        Walked item = walk(LostStates.Found.IN_CUSTODY);
        JsonNode first = act(item.foundId(), "match", item.lostId(), 200);
        JsonNode again = act(item.foundId(), "match", item.lostId(), 200);
        assertThat(again).isEqualTo(first);
        assertThat(lost(item.lostId()).get("timeline").findValuesAsString("action")).containsExactly("report", "match");

        JsonNode handedOver = act(item.foundId(), "claim", item.lostId(), 200);
        JsonNode retried = act(item.foundId(), "claim", item.lostId(), 200);
        assertThat(retried.get("handover").get("id")).isEqualTo(handedOver.get("handover").get("id"));
        assertThat(found(item.foundId()).get("timeline").findValuesAsString("action"))
                .containsExactly("intake", "match", "claim");
        assertThat(lost(item.lostId()).get("timeline").findValuesAsString("action"))
                .containsExactly("report", "match", "claim");
    }

    @Test
    void aWrongMatchIsReleasedAndBothCanBeMatchedAgain() {
        Walked item = walk(LostStates.Found.IN_CUSTODY);
        act(item.foundId(), "match", item.lostId(), 200);

        JsonNode released = act(item.foundId(), "release", item.lostId(), 200);

        assertThat(released.get("status").asString()).isEqualTo("IN_CUSTODY");
        assertThat(released.path("matchedLostReportId").isMissingNode()
                || released.get("matchedLostReportId").isNull()).isTrue();
        JsonNode report = lost(item.lostId());
        assertThat(report.get("status").asString()).isEqualTo("OPEN");
        JsonNode step = report.get("timeline").get(report.get("timeline").size() - 1);
        assertThat(step.get("action").asString()).isEqualTo("release");
        assertThat(step.get("remark").asString()).contains("包内物品与报失不符");
        // the owner told of the match is told it was not theirs; the officer's free text stays here
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var events = TestEvents.readAll(Topics.LOST_ITEMS, Duration.ofSeconds(1)).stream()
                    .filter(r -> item.lostId().equals(TestEvents.header(r, "ce_subject"))).toList();
            assertThat(events).extracting(r -> TestEvents.eventName(r))
                    .containsExactly("LostItemMatched", "LostItemMatchReleased");
            assertThat(events.get(1).value()).contains("citizen-walk").doesNotContain("包内物品");
        });
        // the right owner can still be found for the item, and the right item for the report
        String rightOwner = new LostFixtures(port).lost("citizen-right-owner");
        assertThat(act(item.foundId(), "match", rightOwner, 200).get("status").asString()).isEqualTo("MATCHED");
        assertThat(lost(rightOwner).get("status").asString()).isEqualTo("MATCHED");
        assertThat(act(new LostFixtures(port).found(), "match", item.lostId(), 200).get("status").asString())
                .isEqualTo("MATCHED");
    }

    @Test
    void aNoticedItemReleasedGoesBackUnderItsOwnNoticeWithTheClockUntouched() {
        Walked item = walk(LostStates.Found.NOTICED);
        JsonNode noticed = found(item.foundId());
        act(item.foundId(), "match", item.lostId(), 200);

        JsonNode released = act(item.foundId(), "release", item.lostId(), 200);

        assertThat(released.get("status").asString()).isEqualTo("NOTICED");
        assertThat(released.get("notice")).isEqualTo(noticed.get("notice"));
        assertThat(released.get("timeline").findValuesAsString("action"))
                .containsExactly("intake", "notice", "match", "release", "notice");
    }

    @Test
    void aReleaseWithoutAReasonIsRefusedAndChangesNothing() {
        Walked item = walk(LostStates.Found.MATCHED);
        JsonNode before = found(item.foundId());
        var refused = new LostFixtures(port).officer().post("/api/found-items/" + item.foundId() + "/release",
                "{\"reason\":\" \"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(found(item.foundId())).isEqualTo(before);
        assertThat(lost(item.lostId()).get("status").asString()).isEqualTo("MATCHED");
    }
}
