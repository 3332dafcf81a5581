package org.tanchang.grid.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;

/** The live inbox: a Server-Sent-Events client receives a new notification as it is recorded. */
@ServiceIntegrationTest
class InboxStreamIntegrationTest {

    @LocalServerPort
    int port;

    /** An open stream whose lines are collected as they arrive. */
    record Stream_(HttpResponse<Stream<String>> response, List<String> lines) {
    }

    private Stream_ open(String subject, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/notifications/stream" + query))
                .header("Authorization", "Bearer " + TestUsers.citizen(subject))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofLines());
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        return new Stream_(response, lines);
    }

    private static void accepted(String incident, String citizen) {
        TestEvents.publish(IncidentStateChanged.TYPE, UUID.randomUUID().toString(), incident,
                new IncidentStateChanged(incident, "621223-20260512-0011", TestUsers.YANGJIA_GRID, TestUsers.LICHUAN,
                        "THEFT", "REPORTED", "ACCEPTED", "officer-1", "王建军", OffsetDateTime.now(), null, null,
                        citizen));
    }

    @Test
    void aStreamReceivesTheCallersNewNotificationAndNobodyElses() throws Exception {
        String citizen = "citizen-" + UUID.randomUUID();
        String other = "citizen-" + UUID.randomUUID();
        Stream_ mine = open(citizen, "?maxSeconds=60");
        Stream_ theirs = open(other, "?maxSeconds=60");
        assertThat(mine.response().statusCode()).isEqualTo(200);
        assertThat(mine.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

        String incident = "inc-" + UUID.randomUUID();
        accepted(incident, citizen);

        await().atMost(Duration.ofSeconds(20)).until(() -> mine.lines().stream().anyMatch(l -> l.contains(incident)));
        assertThat(mine.lines()).contains("event:notification");
        assertThat(mine.lines().stream().filter(l -> l.startsWith("data:")).filter(l -> l.contains(incident)))
                .singleElement().asString().contains("\"kind\":\"CASE_ACCEPTED\"", "\"title\":\"您反映的案件已受理\"");
        await().atMost(Duration.ofSeconds(20)).until(() -> theirs.lines().stream().anyMatch(l -> l.startsWith(":")));
        assertThat(theirs.lines()).as("keep-alives only").noneMatch(l -> l.contains(incident));
    }

    @Test
    void aReconnectingClientGetsWhatItMissedSinceWhenItSays() throws Exception {
        String citizen = "citizen-" + UUID.randomUUID();
        String incident = "inc-" + UUID.randomUUID();
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        accepted(incident, citizen);
        new Inboxes(port).one(citizen, incident);

        Stream_ reconnected = open(citizen, "?maxSeconds=60&since=" + before.toString().replace("+", "%2B"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> reconnected.lines().stream().anyMatch(l -> l.contains(incident)));
    }

    @Test
    void aStreamNeedsAToken() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/notifications/stream")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
