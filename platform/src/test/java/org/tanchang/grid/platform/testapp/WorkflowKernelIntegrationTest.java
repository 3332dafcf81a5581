package org.tanchang.grid.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.security.AreaScope;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.workflow.DeadlineSweep;
import org.tanchang.grid.platform.workflow.Effect;
import org.tanchang.grid.platform.workflow.Steps;
import tools.jackson.databind.JsonNode;

/** The workflow kernel as a service uses it: steps through the API, stale copies, the sweep, the document. */
@ServiceIntegrationTest
class WorkflowKernelIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Steps steps;

    @Autowired
    DoorWorkflow procedure;

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    Outbox outbox;

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private String newDoor() {
        return DoorWorkflow.newDoor(mongo, Door.State.CLOSED);
    }

    private static final Caller OFFICER = new Caller("officer-1", "王海", java.util.Set.of(Roles.OFFICER),
            new AreaScope(List.of(TestUsers.LICHUAN)), null, null);

    @Test
    void aStepIsOpenToTheRolesOfItsRowAndAStepTheStateDoesNotAllowIsA409ThatChangesNothing() {
        String id = newDoor();
        String step = "/api/doors/" + id + "/";
        ApiClient member = as(TestUsers.gridMember(TestUsers.YANGJIA_GRID));

        assertThat(as(TestUsers.citizen("citizen-a")).post(step + "open", "{}").status())
                .as("a citizen is not in the open row").isEqualTo(403);
        var opened = member.post(step + "open", "{\"remark\":\"airing\"}");
        assertThat(opened.status()).as(opened.text()).isEqualTo(200);
        assertThat(opened.json().get("state").asString()).isEqualTo("OPEN");

        var again = member.post(step + "open", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().get("state").asString()).isEqualTo("OPEN");
        assertThat(again.json().get("allowed").toString()).isEqualTo("[\"close\"]");

        assertThat(member.post(step + "close", "{}").json().get("state").asString()).isEqualTo("CLOSED");
        var blank = as(TestUsers.officer(TestUsers.LICHUAN)).post(step + "knock", "{\"remark\":\" \"}");
        assertThat(blank.status()).as("the knock's own rule refuses before anything is written").isEqualTo(422);
        var knocked = as(TestUsers.officer(TestUsers.LICHUAN)).post(step + "knock", "{\"remark\":\"有人吗\"}");
        assertThat(knocked.json().get("state").asString()).as("a step that keeps the state").isEqualTo("CLOSED");
        assertThat(knocked.json().get("note").asString()).isEqualTo("有人吗");
        assertThat(as(TestUsers.officer(TestUsers.LICHUAN)).post(step + "lock", "{}").status()).isEqualTo(403);
        assertThat(as(TestUsers.system("county-platform", "grid.write")).post(step + "lock", "{}").json()
                .get("state").asString()).as("a system with the row's scope").isEqualTo("LOCKED");
        assertThat(as(TestUsers.system("county-platform", "grid.read")).post(step + "knock", "{\"remark\":\"x\"}")
                .status()).as("knock names no system").isEqualTo(403);

        Document stored = mongo.findById(id, Document.class, "doors");
        assertThat(stored.getList("log", String.class)).containsExactly("open by member-621223101001001",
                "close by member-621223101001001", "knock by officer-621223101", "lock by county-platform");
        assertThat(((Number) stored.get("version")).longValue()).as("one version per step taken").isEqualTo(4);
        assertThat(as(TestUsers.officer(TestUsers.MUER)).post(step + "knock", "{\"remark\":\"x\"}").status())
                .as("a door outside the caller's area is not found").isEqualTo(404);
        assertThat(stored.get("deadline")).as("the open hour ended with the step that closed it").isNull();
    }

    @Test
    void aStaleCopyLosesWithA409AndAWriteNeverRestoresEventsTheRelayRemoved() {
        String id = newDoor();
        Door first = mongo.findById(id, Door.class);
        Door second = mongo.findById(id, Door.class);
        steps.take(procedure, first, OFFICER, "open", null, Effect.none());

        assertThatThrownBy(() -> steps.take(procedure, second, OFFICER, "knock", "late", DoorController::leaveNote))
                .isInstanceOf(ProblemException.class).hasMessageContaining("changed meanwhile");
        assertThat(mongo.findById(id, Door.class).note).as("the loser changed nothing").isNull();

        // a copy read while an event was pending; the relay publishes and removes it before the copy is written
        Door copy = mongo.findById(id, Door.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("outbox", List.of()), "doors");
        steps.take(procedure, copy, OFFICER, "close", null, Effect.none());
        List<Document> pending = mongo.findById(id, Document.class, "doors").getList("outbox", Document.class);
        assertThat(pending).as("only the close's own event; the published one stays gone")
                .allSatisfy(e -> assertThat(e.getString("payload")).contains("\"action\":\"close\""));
    }

    @Test
    void theSweepRaisesYellowThenRedOnceEachHoweverOftenItRuns() {
        String id = newDoor();
        Door door = steps.take(procedure, mongo.findById(id, Door.class), OFFICER, "open", null, Effect.none());
        Instant opened = door.deadline.startedAt();
        assertThat(door.deadline.dueAt()).isEqualTo(opened.plus(Duration.ofHours(1)));

        assertThat(sweep.sweep(opened.plus(Duration.ofMinutes(41)))).as("before 70 %").isZero();
        assertThat(sweep.sweep(opened.plus(Duration.ofMinutes(43)))).as("yellow").isEqualTo(1);
        assertThat(sweep.sweep(opened.plus(Duration.ofMinutes(50)))).as("yellow again: nothing new").isZero();
        assertThat(sweep.sweep(opened.plus(Duration.ofMinutes(61)))).as("red").isEqualTo(1);
        assertThat(sweep.sweep(opened.plus(Duration.ofMinutes(90)))).isZero();

        Door swept = mongo.findById(id, Door.class);
        assertThat(swept.deadline.raised()).isEqualTo(DeadlineFlag.RED);
        assertThat(swept.version).as("each flag is a versioned write").isEqualTo(door.version + 2);
    }

    @Test
    void aStepsOperationSaysWhereItLeadsWhoMayTakeItAndItsProblems() {
        JsonNode paths = ApiClient.local(port).get("/v3/api-docs").json().get("paths");
        JsonNode open = paths.get("/api/doors/{id}/open").get("post");
        assertThat(open.get("description").asString())
                .startsWith("CLOSED → OPEN. Starts the hour it may stay open.")
                .contains("Roles: OFFICER, GRID_MEMBER.");
        assertThat(open.get("x-allowed-roles").toString()).isEqualTo("[\"OFFICER\",\"GRID_MEMBER\"]");
        assertThat(open.get("responses").has("404")).isTrue();
        assertThat(open.get("responses").has("409")).isTrue();
        JsonNode knock = paths.get("/api/doors/{id}/knock").get("post");
        assertThat(knock.get("description").asString()).startsWith("in CLOSED, LOCKED. Leaves a note");
        JsonNode lock = paths.get("/api/doors/{id}/lock").get("post");
        assertThat(lock.get("x-required-scopes").toString()).isEqualTo("[\"grid.write\"]");
    }
}
