package org.tanchang.grid.notification;



import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** Reads people's inboxes through the API, as they would. */
final class Inboxes {

    private final int port;

    Inboxes(int port) {
        this.port = port;
    }

    ApiClient as(String subject, String role, String... codes) {
        return ApiClient.local(port).withToken(TestUsers.token(subject, role, codes));
    }

    /** The person's notifications about one subject, newest first. */
    List<JsonNode> about(String subject, String subjectId) {
        JsonNode page = as(subject, "OFFICER", TestUsers.LICHUAN).get("/api/notifications?subjectId=" + subjectId)
                .json();
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    /** Waits until the person has exactly {@code count} notifications about the subject and returns them. */
    List<JsonNode> await(String subject, String subjectId, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> about(subject, subjectId).size() == count);
        return about(subject, subjectId);
    }

    JsonNode one(String subject, String subjectId) {
        return await(subject, subjectId, 1).get(0);
    }
}
