package org.tanchang.grid.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * A citizen's open inbox stream whose lines are collected as they arrive; {@code end} completes with true when the
 * server ends the response properly, false when the connection breaks.
 */
record SseStream(HttpResponse<Stream<String>> response, List<String> lines, CompletableFuture<Boolean> end) {

    static SseStream open(int port, String subject, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/notifications/stream" + query))
                .header("Authorization", "Bearer " + TestUsers.citizen(subject))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofLines());
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> end = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
                end.complete(true);
            } catch (RuntimeException broken) {
                end.complete(false);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new SseStream(response, lines, end);
    }

    /** How often the notification with this id came on the stream. */
    long times(String notificationId) {
        return lines.stream().filter(l -> l.equals("id:" + notificationId)).count();
    }
}
