package org.tanchang.grid.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.patrol.CheckpointMissed;
import org.tanchang.grid.notification.webhook.WebhookSigner;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks against a real local HTTP receiver: signed, retried with backoff until accepted, dead after the bounded
 * attempts, and replayed by an administrator. Each test subscribes to a kind only its own events produce
 * (CHECKPOINT_MISSED), and ends its subscription afterwards.
 */
@ServiceIntegrationTest
class WebhookIntegrationTest {

    static final String SECRET = "test-secret-of-at-least-32-characters!";

    record Call(Map<String, List<String>> headers, String body, int answered) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    @LocalServerPort
    int port;

    HttpServer receiver;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    String subscription;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            calls.add(new Call(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        if (subscription != null) {
            system().send("DELETE", "/api/notifications/webhooks/" + subscription, null);
        }
        receiver.stop(0);
    }

    private ApiClient system() {
        return ApiClient.local(port).withToken(TestUsers.token("system-zzzx", "SYSTEM", TestUsers.COUNTY));
    }

    private ApiClient admin() {
        return ApiClient.local(port).withToken(TestUsers.admin());
    }

    private void subscribe() {
        var created = system().post("/api/notifications/webhooks", ApiClient.json(Map.of("name", "综治中心值班系统",
                "url", "http://localhost:" + receiver.getAddress().getPort() + "/hook", "secret", SECRET,
                "kinds", List.of("CHECKPOINT_MISSED"))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text()).doesNotContain(SECRET);
        subscription = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/notifications/webhooks/" + subscription);
    }

    private String missCheckpoint() {
        String plan = "plan-" + UUID.randomUUID();
        TestEvents.publish(CheckpointMissed.TYPE, UUID.randomUUID().toString(), plan, new CheckpointMissed(plan, "cp-1",
                "杨家村小学门口", TestUsers.YANGJIA_GRID, "member-wh", OffsetDateTime.parse("2026-05-12T08:00:00+08:00"),
                OffsetDateTime.parse("2026-05-12T10:00:00+08:00")));
        return plan;
    }

    private JsonNode delivery(String status) {
        JsonNode items = admin().get("/api/notifications/deliveries?channel=WEBHOOK&recipientId=webhook:"
                + subscription + (status == null ? "" : "&status=" + status)).json().get("items");
        return items.isEmpty() ? null : items.get(0);
    }

    @Test
    void aReceiverThatFailsTwiceGetsExactlyOneAcceptedSignedDelivery() {
        subscribe();
        failuresLeft.set(2);
        String plan = missCheckpoint();

        await().atMost(Duration.ofSeconds(20)).until(() -> delivery("SENT") != null);
        JsonNode sent = delivery("SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(3);
        assertThat(calls).extracting(Call::answered).containsExactly(503, 503, 204);
        Call accepted = calls.get(2);
        String timestamp = accepted.header(WebhookSigner.TIMESTAMP);
        assertThat(accepted.header(WebhookSigner.SIGNATURE))
                .isEqualTo(WebhookSigner.sign(SECRET, Long.parseLong(timestamp), accepted.body()))
                .isNotEqualTo(WebhookSigner.sign("another-secret-of-at-least-32-chars!!", Long.parseLong(timestamp),
                        accepted.body()));
        assertThat(accepted.header(WebhookSigner.DELIVERY)).isEqualTo(sent.get("id").asString())
                .isEqualTo(calls.get(0).header(WebhookSigner.DELIVERY));
        assertThat(accepted.body()).contains("\"kind\":\"CHECKPOINT_MISSED\"", "\"subjectId\":\"" + plan + "\"",
                "必到点漏巡：杨家村小学门口");
        assertThat(ApiClient.local(port).get("/actuator/prometheus").text())
                .contains("tanchang_notification_deliveries_total{", "channel=\"WEBHOOK\"", "outcome=\"failed\"",
                        "tanchang_notification_retries_total", "tanchang_notification_queue_age_seconds");
    }

    @Test
    void aReceiverThatNeverAcceptsMakesTheDeliveryDeadAndAnAdministratorReplaysIt() {
        subscribe();
        failuresLeft.set(Integer.MAX_VALUE);
        missCheckpoint();

        await().atMost(Duration.ofSeconds(20)).until(() -> delivery("DEAD") != null);
        JsonNode dead = delivery("DEAD");
        assertThat(dead.get("attempts").asInt()).as("tanchang.notification.delivery.max-attempts").isEqualTo(4);
        assertThat(dead.get("lastError").asString()).contains("HTTP 503");
        assertThat(calls).hasSize(4);
        String id = dead.get("id").asString();
        failuresLeft.set(0);

        var replayed = admin().post("/api/notifications/deliveries/" + id + "/replay", "");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("status").asString()).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(20)).until(() -> delivery("SENT") != null);
        var again = admin().post("/api/notifications/deliveries/" + id + "/replay", "");
        assertThat(again.status()).as("only a DEAD delivery replays: nothing is sent twice").isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:conflict");
        assertThat(calls.stream().filter(c -> c.answered() == 204).count()).isEqualTo(1);
        assertThat(admin().post("/api/notifications/deliveries/nope/replay", "").status()).isEqualTo(404);
    }

    @Test
    void aSubscriptionNeedsAValidUrlAndALongSecretAndOnlyCountyWideSystemsKeepThem() {
        var bad = system().post("/api/notifications/webhooks", ApiClient.json(Map.of("name", "x", "url", "ftp://x",
                "secret", "short")));
        var township = ApiClient.local(port).withToken(TestUsers.token("system-x", "SYSTEM", TestUsers.LICHUAN))
                .get("/api/notifications/webhooks");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("url", "secret");
        assertThat(township.status()).isEqualTo(403);
        assertThat(system().get("/api/notifications/webhooks").json().get("items").findValuesAsString("url"))
                .noneMatch(url -> url.startsWith("ftp"));
    }
}
