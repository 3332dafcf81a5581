package org.tanchang.grid.petition.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.petition.BundleTaskRequested;
import org.tanchang.grid.platform.test.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.petition.request.RequestFixtures;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Bundles as the window and the units work them: the tasks an accepted bundle lists are there at once, each with
 * its promised time; the window and each unit have a queue by state; bundle work counts in the service levels; and
 * any window of the county takes a bundle.
 */
@ServiceIntegrationTest
class BundleQueuesIntegrationTest {

    private static final String ANSWERS = "{\"childName\":\"杨小禾\",\"birthDate\":\"2026-10-30\",\"fatherName\":\"杨建国\","
            + "\"motherName\":\"李秀兰\",\"birthCertificateNumber\":\"Q620001234\"}";
    private static final String INSURANCE = "宕昌县医疗保障局（经办窗口）";

    @LocalServerPort
    int port;

    @Autowired
    MongoOperations mongo;

    @Autowired
    MeterRegistry meters;

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private JsonNode submitted(String token, String gridCode) {
        var submitted = as(token).post("/api/bundle-requests", "{\"bundleCode\":\"ONE-CHILD-BIRTH\",\"gridCode\":\""
                + gridCode + "\",\"answers\":" + ANSWERS + "}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        return submitted.json();
    }

    private JsonNode accepted(String id) {
        var accepted = as(RequestFixtures.clerk()).post("/api/bundle-requests/" + id + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        return accepted.json();
    }

    @Test
    void everyTaskTheAcceptanceListsIsThereAtOnceWithItsPromisedTime() {
        JsonNode bundle = accepted(submitted(TestUsers.citizen("mother"), TestUsers.YANGJIA_GRID).get("id").asString());
        List<JsonNode> tasks = bundle.get("tasks").valueStream().toList();
        for (JsonNode listed : tasks) {
            String taskId = listed.get("taskId").asString();
            assertThat(listed.get("promisedBy").isString()).as(listed.toString()).isTrue();
            // no waiting: read your own writes
            var task = as(RequestFixtures.clerk()).get("/api/bundle-tasks/" + taskId);
            assertThat(task.status()).as(task.text()).isEqualTo(200);
            assertThat(task.json().get("state").asString()).isEqualTo("OPEN");
            assertThat(task.json().get("promisedBy").asString()).isEqualTo(listed.get("promisedBy").asString());
            assertThat(OffsetDateTime.parse(task.json().get("promisedBy").asString()))
                    .isAfter(OffsetDateTime.now().minusMinutes(1));
        }
        assertThat(tasks.get(1).get("responsibleUnit").asString()).isEqualTo(INSURANCE);
        assertThat(tasks.get(1).get("completionLimit").isString()).isTrue();
        var done = as(RequestFixtures.clerk()).post("/api/bundle-tasks/" + tasks.get(0).get("taskId").asString()
                + "/complete", "{\"outcome\":\"DONE\",\"reason\":\"已登记\"}");
        assertThat(done.status()).as("completed right after the acceptance: " + done.text()).isEqualTo(204);
    }

    @Test
    void aTaskLostBetweenTheAcceptanceAndItsOwnWriteComesFromItsEventWithTheSamePromise() {
        JsonNode bundle = accepted(submitted(TestUsers.citizen("mother"), TestUsers.YANGJIA_GRID).get("id").asString());
        String id = bundle.get("id").asString();
        JsonNode listed = bundle.get("tasks").get(0);
        String taskId = listed.get("taskId").asString();
        mongo.remove(Query.query(Criteria.where("_id").is(taskId)), BundleTask.class);   // as if stopped in between

        TestEvents.publishAndAwaitHandled(meters, BundleTaskRequested.TYPE, "again-" + taskId, id,
                new BundleTaskRequested(id, taskId, listed.get("itemCode").asString(), Map.of()));

        var task = as(RequestFixtures.clerk()).get("/api/bundle-tasks/" + taskId);
        assertThat(task.status()).as(task.text()).isEqualTo(200);
        assertThat(task.json().get("promisedBy").asString()).isEqualTo(listed.get("promisedBy").asString());
        assertThat(task.json().get("windowCode").asString()).isEqualTo(TestUsers.LICHUAN);
    }

    @Test
    void theWindowAndEachUnitHaveAQueueByState() {
        JsonNode submitted = submitted(TestUsers.citizen("mother"), TestUsers.YANGJIA_GRID);
        String id = submitted.get("id").asString();
        String number = submitted.get("number").asString();
        ApiClient clerk = as(RequestFixtures.clerk());

        JsonNode waiting = clerk.get("/api/bundle-requests?state=SUBMITTED&number=" + number).json();
        assertThat(waiting.get("total").asLong()).isEqualTo(1);
        assertThat(waiting.get("page").asInt()).isZero();
        assertThat(waiting.get("size").asInt()).isEqualTo(20);
        assertThat(waiting.get("items").get(0).get("id").asString()).isEqualTo(id);
        String muerClerk = TestUsers.token("clerk-muer", "WINDOW_CLERK", TestUsers.MUER);
        assertThat(as(muerClerk).get("/api/bundle-requests?number=" + number).json().get("total").asLong()).isZero();

        JsonNode bundle = accepted(id);
        assertThat(clerk.get("/api/bundle-requests?state=SUBMITTED&number=" + number).json().get("total").asLong())
                .isZero();
        String insuranceTask = bundle.get("tasks").get(1).get("taskId").asString();
        String unitQueue = "/api/bundle-tasks?unit=" + URLEncoder.encode(INSURANCE, StandardCharsets.UTF_8)
                + "&bundleRequestId=" + id;
        JsonNode open = clerk.get(unitQueue + "&state=OPEN").json();
        assertThat(open.get("items").valueStream().map(t -> t.get("id").asString()).toList())
                .containsExactly(insuranceTask);
        assertThat(open.get("items").get(0).get("bundleNumber").asString()).isEqualTo(number);
        assertThat(open.get("items").get(0).get("overdue").asBoolean()).isFalse();
        assertThat(clerk.get("/api/bundle-tasks?state=OPEN&bundleRequestId=" + id).json().get("total").asLong())
                .as("the window sees every unit's task of its bundle").isEqualTo(2);

        assertThat(clerk.post("/api/bundle-tasks/" + insuranceTask + "/complete", "{\"outcome\":\"DONE\"}").status())
                .isEqualTo(204);
        assertThat(clerk.get(unitQueue + "&state=OPEN").json().get("total").asLong()).isZero();
        assertThat(clerk.get(unitQueue + "&state=DONE").json().get("items").get(0).get("completedBy").asString())
                .isEqualTo("clerk-lichuan");
        assertThat(as(muerClerk).get("/api/bundle-tasks?bundleRequestId=" + id).json().get("total").asLong())
                .isZero();
        assertThat(as(muerClerk).get("/api/bundle-tasks/" + insuranceTask).status()).isEqualTo(404);
    }

    @Test
    void bundleTasksCountInTheServiceLevels() {
        JsonNode bundle = accepted(submitted(TestUsers.citizen("mother"), TestUsers.YANGJIA_GRID).get("id").asString());
        ApiClient clerk = as(RequestFixtures.clerk());
        long before = completions(clerk, "BUNDLE");
        assertThat(clerk.post("/api/bundle-tasks/" + bundle.get("tasks").get(1).get("taskId").asString()
                + "/complete", "{\"outcome\":\"DONE\"}").status()).isEqualTo(204);

        assertThat(completions(clerk, "BUNDLE")).isEqualTo(before + 1);
        JsonNode byItem = level(clerk.get("/api/service-levels?groupBy=ITEM").json(), "SS-NEWBORN-INSURANCE");
        assertThat(byItem.get("completions").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(byItem.get("completionsOnTime").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anyWindowOfTheCountyTakesABundleAndHandlesIt() {
        String muerClerk = TestUsers.token("clerk-muer", "WINDOW_CLERK", TestUsers.MUER);
        JsonNode taken = submitted(muerClerk, TestUsers.YANGJIA_GRID);
        String id = taken.get("id").asString();
        assertThat(taken.get("windowCode").asString()).isEqualTo(TestUsers.MUER);

        assertThat(as(RequestFixtures.clerk()).get("/api/bundle-requests/" + id).status()).isEqualTo(404);
        String lichuanSupervisor = TestUsers.supervisor(TestUsers.LICHUAN);
        assertThat(as(lichuanSupervisor).get("/api/bundle-requests/" + id).status()).as("home area reads")
                .isEqualTo(200);
        assertThat(as(lichuanSupervisor).post("/api/bundle-requests/" + id + "/accept", "{}").status())
                .isEqualTo(403);
        var accepted = as(muerClerk).post("/api/bundle-requests/" + id + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
    }

    private long completions(ApiClient clerk, String channel) {
        JsonNode levels = clerk.get("/api/service-levels?groupBy=CHANNEL").json();
        JsonNode list = levels.isArray() ? levels : levels.get("items");
        return list.valueStream().filter(l -> channel.equals(l.get("key").asString()))
                .mapToLong(l -> l.get("completions").asLong()).sum();
    }

    private static JsonNode level(JsonNode levels, String key) {
        JsonNode list = levels.isArray() ? levels : levels.get("items");
        return list.valueStream().filter(l -> key.equals(l.get("key").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key + " in " + levels));
    }
}
