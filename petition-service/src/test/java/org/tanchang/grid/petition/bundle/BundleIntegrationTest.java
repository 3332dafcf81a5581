package org.tanchang.grid.petition.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.petition.BundleTaskCompleted;
import org.tanchang.grid.petition.request.RequestFixtures;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** The child-birth bundle: one form, one acceptance, a task per item, complete only when every task is done. */
@ServiceIntegrationTest
class BundleIntegrationTest {

    private static final String ANSWERS = "{\"childName\":\"杨小禾\",\"birthDate\":\"2026-10-30\",\"fatherName\":\"杨建国\","
            + "\"motherName\":\"李秀兰\",\"birthCertificateNumber\":\"Q620001234\"}";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private JsonNode accepted() {
        var submitted = as(TestUsers.citizen("mother")).post("/api/bundle-requests", "{\"bundleCode\":\"ONE-CHILD-BIRTH\","
                + "\"gridCode\":\"" + TestUsers.YANGJIA_GRID + "\",\"answers\":" + ANSWERS + "}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        return as(RequestFixtures.clerk()).post("/api/bundle-requests/" + id + "/accept", "{}").json();
    }

    private int complete(String taskId, String outcome) {
        return as(RequestFixtures.clerk()).post("/api/bundle-tasks/" + taskId + "/complete",
                "{\"outcome\":\"" + outcome + "\",\"reason\":\"" + outcome + "\"}").status();
    }

    private JsonNode bundle(String id) {
        return as(TestUsers.citizen("mother")).get("/api/bundle-requests/" + id).json();
    }

    @Test
    void theChildBirthBundleFansOutAndCompletesOnlyWhenEveryTaskIsDone() {
        JsonNode b = accepted();
        String id = b.get("id").asString();
        List<JsonNode> tasks = b.get("tasks").valueStream().toList();

        assertThat(tasks).extracting(t -> t.get("itemCode").asString())
                .containsExactly("HR-BIRTH", "SS-NEWBORN-INSURANCE");
        assertThat(tasks.get(1).get("fields").get("insuredName").asString()).isEqualTo("杨小禾");   // asked once
        String first = tasks.get(0).get("taskId").asString();
        String second = tasks.get(1).get("taskId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> complete(first, "DONE") == 204);
        await().atMost(Duration.ofSeconds(20)).until(() -> bundle(id).get("tasks").get(0).get("outcome").isString());
        assertThat(bundle(id).get("state").asString()).isEqualTo("ACCEPTED");

        await().atMost(Duration.ofSeconds(20)).until(() -> complete(second, "DONE") == 204);
        await().atMost(Duration.ofSeconds(20)).until(() -> bundle(id).get("state").asString().equals("COMPLETED"));
        assertThat(complete(second, "DONE")).isEqualTo(409);
    }

    @Test
    void aFailedTaskFailsTheBundleNamingItAndADuplicateDeliveryChangesNothing() {
        JsonNode b = accepted();
        String id = b.get("id").asString();
        String second = b.get("tasks").get(1).get("taskId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> complete(second, "FAILED") == 204);
        await().atMost(Duration.ofSeconds(20)).until(() -> bundle(id).get("state").asString().equals("FAILED"));
        assertThat(bundle(id).get("failedTaskId").asString()).isEqualTo(second);

        TestEvents.publishAndAwaitHandled(meters, BundleTaskCompleted.TYPE, "dup-" + id, id,
                new BundleTaskCompleted(id, second, "SS-NEWBORN-INSURANCE", "DONE", null, OffsetDateTime.now()));
        assertThat(bundle(id).get("tasks").get(1).get("outcome").asString()).isEqualTo("FAILED");
        assertThat(bundle(id).get("state").asString()).isEqualTo("FAILED");
    }

    @Test
    void aBundleFormMissingAnAnswerIsA400() {
        var response = as(TestUsers.citizen("mother")).post("/api/bundle-requests", "{\"bundleCode\":\"ONE-CHILD-BIRTH\","
                + "\"gridCode\":\"" + TestUsers.YANGJIA_GRID + "\",\"answers\":{\"childName\":\"杨小禾\"}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("answers.birthDate");
    }
}
