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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.contracts.patrol.CheckpointMissed;
import org.tanchang.grid.contracts.referral.ReferralAnswered;
import org.tanchang.grid.contracts.referral.ReferralSent;
import org.tanchang.grid.notification.webhook.WebhookSigner;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestTokens;
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

    @Autowired
    MongoTemplate mongo;

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

    /** The county's command centre: reads grid and case messages, keeps webhooks. */
    private ApiClient system() {
        return ApiClient.local(port).withToken(TestUsers.system("system-zzzx", "grid.read", "cases.read",
                "notifications.read", "notifications.write"));
    }

    /** Another system of the county with the same scopes: it must not see or end the command centre's webhooks. */
    private ApiClient otherSystem() {
        return ApiClient.local(port).withToken(TestUsers.system("system-other", "grid.read", "cases.read",
                "notifications.read", "notifications.write"));
    }

    private String hook() {
        return "http://localhost:" + receiver.getAddress().getPort() + "/hook";
    }

    private long subscriptionsStored() {
        return mongo.getCollection("webhook_subscriptions").countDocuments();
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
        return missCheckpoint(UUID.randomUUID().toString(), TestUsers.YANGJIA_GRID);
    }

    private String missCheckpoint(String eventId, String gridCode) {
        String plan = "plan-" + UUID.randomUUID();
        TestEvents.publish(CheckpointMissed.TYPE, eventId, plan, new CheckpointMissed(plan, "cp-1",
                "杨家村小学门口", gridCode, "member-wh", OffsetDateTime.parse("2026-05-12T08:00:00+08:00"),
                OffsetDateTime.parse("2026-05-12T10:00:00+08:00")));
        return plan;
    }

    private List<String> deliveredEvents(String subscriptionId) {
        return admin().get("/api/notifications/deliveries?channel=WEBHOOK&size=100&recipientId=webhook:"
                + subscriptionId).json().get("items").findValuesAsString("sourceEventId");
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

    /** An outside agency keeps its own subscription; it may carry referral kinds only (its client's scopes). */
    private ApiClient agency(String clientId) {
        return ApiClient.local(port).withToken(TestUsers.system(clientId, "referrals.read", "referrals.write",
                "notifications.read", "notifications.write"));
    }

    private String referralSent(String agencyClientId, String delivery, String officer) {
        String referral = "ref-" + UUID.randomUUID();
        TestEvents.publish(ReferralSent.TYPE, UUID.randomUUID().toString(), referral, new ReferralSent(referral,
                "INCIDENT", "inc-herb-18", TestUsers.YANGJIA_GRID, "lichuan-market", "宕昌县市场监督管理局理川所",
                agencyClientId, delivery, "理川药材市场有商户以次充好、掺杂掺假，请派员联合执法检查（举报人电话13893912345）",
                List.of("file-herb-photo-1"), OffsetDateTime.parse("2026-12-14T18:00:00+08:00"), officer,
                OffsetDateTime.parse("2026-12-07T18:00:00+08:00")));
        return referral;
    }

    /**
     * Issue 18, item 5: a referral to a WEBHOOK agency reaches that agency's subscription, signed, and no other
     * agency's or system's; a PERSON agency's is not sent; the agency's reply tells the referring officer.
     */
    @Test
    void aReferralIsSignedToTheAgencyItIsAddressedToAndItsReplyTellsTheOfficer() {
        var wrongKind = agency("agency-lichuan-market").post("/api/notifications/webhooks", ApiClient.json(Map.of(
                "name", "理川所", "url", hook(), "secret", SECRET, "kinds", List.of("CASE_OVERDUE"))));
        var created = agency("agency-lichuan-market").post("/api/notifications/webhooks", ApiClient.json(Map.of(
                "name", "理川所", "url", hook(), "secret", SECRET)));
        var other = agency("agency-wuhai-police").post("/api/notifications/webhooks", ApiClient.json(Map.of(
                "name", "乌海某派出所", "url", hook(), "secret", SECRET)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(other.status()).as(other.text()).isEqualTo(201);
        String mine = created.json().get("id").asString();
        String otherSubscription = other.json().get("id").asString();
        String officer = "officer-ref-" + UUID.randomUUID();
        try {
            String byHand = referralSent("agency-lichuan-market", "PERSON", officer);
            String referral = referralSent("agency-lichuan-market", "WEBHOOK", officer);
            TestEvents.publish(ReferralAnswered.TYPE, UUID.randomUUID().toString(), referral, new ReferralAnswered(
                    referral, "INCIDENT", "inc-herb-18", TestUsers.YANGJIA_GRID, "lichuan-market",
                    "宕昌县市场监督管理局理川所", "agency-lichuan-market", "agency-lichuan-market", officer, false,
                    OffsetDateTime.parse("2026-12-09T10:00:00+08:00")));

            JsonNode told = new Inboxes(port).one(officer, referral);
            await().atMost(Duration.ofSeconds(20)).until(() -> calls.stream()
                    .filter(c -> c.body().contains("REFERRAL_SENT")).count() == 1);
            Call call = calls.stream().filter(c -> c.body().contains("REFERRAL_SENT")).findFirst().orElseThrow();
            long timestamp = Long.parseLong(call.header(WebhookSigner.TIMESTAMP));

            assertThat(wrongKind.status()).isEqualTo(403);
            assertThat(call.header(WebhookSigner.SIGNATURE)).isEqualTo(WebhookSigner.sign(SECRET, timestamp,
                    call.body()));
            assertThat(call.body()).contains("\"subjectType\":\"REFERRAL\"", "\"subjectId\":\"" + referral + "\"",
                    "以次充好、掺杂掺假", "file-herb-photo-1").doesNotContain("13893912345").doesNotContain(byHand);
            assertThat(deliveredEvents(otherSubscription)).isEmpty();
            assertThat(told.get("kind").asString()).isEqualTo("REFERRAL_ANSWERED");
            assertThat(told.get("title").asString()).contains("宕昌县市场监督管理局理川所");
        } finally {
            agency("agency-lichuan-market").send("DELETE", "/api/notifications/webhooks/" + mine, null);
            agency("agency-wuhai-police").send("DELETE", "/api/notifications/webhooks/" + otherSubscription, null);
        }
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
    void aSubscriptionNeedsAValidUrlAndALongSecret() {
        var bad = system().post("/api/notifications/webhooks", ApiClient.json(Map.of("name", "x", "url", "ftp://x",
                "secret", "short")));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("url", "secret");
        assertThat(system().get("/api/notifications/webhooks").json().get("items").findValuesAsString("url"))
                .noneMatch(url -> url.startsWith("ftp"));
    }

    /** Issue 13, item 2: another system can neither see nor end a subscription it did not make. */
    @Test
    void aSubscriptionBelongsToTheClientThatMadeItOthersGet404() {
        subscribe();
        String path = "/api/notifications/webhooks/" + subscription;

        assertThat(system().get(path).status()).isEqualTo(200);
        assertThat(system().get(path).json().get("areaCodes").toString()).isEqualTo("[\"621223\"]");
        assertThat(system().get("/api/notifications/webhooks?size=100").json().get("items")
                .findValuesAsString("id")).contains(subscription);
        assertThat(otherSystem().get("/api/notifications/webhooks?size=100").json().get("items")
                .findValuesAsString("id")).doesNotContain(subscription);
        var read = otherSystem().get(path);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:not-found");
        assertThat(otherSystem().send("DELETE", path, null).status()).isEqualTo(404);
        assertThat(admin().send("DELETE", path, null).status()).as("an administrator's are their own too")
                .isEqualTo(404);
        assertThat(system().get(path).json().get("active").asBoolean()).as("still subscribed").isTrue();

        assertThat(system().send("DELETE", path, null).status()).isEqualTo(204);
        assertThat(system().get(path).json().get("active").asBoolean()).isFalse();
        subscription = null;
    }

    /** Issue 13, item 2: a system subscribes only to what its client scopes let it read. */
    @Test
    void whatASystemMaySubscribeToFollowsItsScopes() {
        ApiClient marketSupervision = ApiClient.local(port).withToken(TestUsers.system("market-supervision",
                "cases.read", "notifications.write", "notifications.read"));
        long before = subscriptionsStored();

        var patrol = marketSupervision.post("/api/notifications/webhooks", ApiClient.json(Map.of("name", "市场监管",
                "url", hook(), "secret", SECRET, "kinds", List.of("CHECKPOINT_MISSED", "CASE_OVERDUE"))));
        assertThat(patrol.status()).isEqualTo(403);
        assertThat(patrol.header("Content-Type")).startsWith("application/problem+json");
        assertThat(patrol.json().get("detail").asString()).contains("CHECKPOINT_MISSED (needs grid.read)")
                .doesNotContain("CASE_OVERDUE");
        var unknown = marketSupervision.post("/api/notifications/webhooks", ApiClient.json(Map.of("name", "市场监管",
                "url", hook(), "secret", SECRET, "kinds", List.of("NO_SUCH_KIND"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("kinds");
        var noMessages = ApiClient.local(port).withToken(TestUsers.system("mailer", "notifications.write"))
                .post("/api/notifications/webhooks", ApiClient.json(Map.of("name", "x", "url", hook(),
                        "secret", SECRET)));
        assertThat(noMessages.status()).as("scopes that cover no kind").isEqualTo(403);
        assertThat(subscriptionsStored()).as("nothing stored").isEqualTo(before);

        var cases = marketSupervision.post("/api/notifications/webhooks", ApiClient.json(Map.of("name", "市场监管",
                "url", hook(), "secret", SECRET)));
        assertThat(cases.status()).isEqualTo(201);
        List<String> kinds = cases.json().get("kinds").valueStream().map(JsonNode::asString).toList();
        assertThat(kinds).as("no kinds named: all it may read").contains("CASE_OVERDUE", "CASE_CLOSED",
                "LOST_ITEM_MATCHED").doesNotContain("CHECKPOINT_MISSED", "DISPUTE_OVERDUE", "PATROL_REPORT_SUBMITTED");
        assertThat(marketSupervision.send("DELETE", "/api/notifications/webhooks/" + cases.json().get("id")
                .asString(), null).status()).isEqualTo(204);
    }

    /** Issue 13, item 2: a township's system is sent its township's messages, not the county's. */
    @Test
    void aSystemIsSentOnlyTheMessagesOfItsAreas() {
        ApiClient township = ApiClient.local(port).withToken(TestTokens.shared().system("lichuan-system",
                List.of("grid.read", "notifications.write"), TestUsers.LICHUAN));
        var created = township.post("/api/notifications/webhooks", ApiClient.json(Map.of("name", "理川镇综治中心",
                "url", hook(), "secret", SECRET, "kinds", List.of("CHECKPOINT_MISSED"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String townshipSubscription = created.json().get("id").asString();
        subscribe();   // the county's, to know when both events were handled
        String muer = UUID.randomUUID().toString();
        String lichuan = UUID.randomUUID().toString();

        missCheckpoint(muer, TestUsers.DASHE_GRID);
        missCheckpoint(lichuan, TestUsers.YANGJIA_GRID);

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredEvents(subscription).containsAll(List.of(muer,
                lichuan)));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredEvents(townshipSubscription).contains(lichuan));
        assertThat(deliveredEvents(townshipSubscription)).doesNotContain(muer);
        township.send("DELETE", "/api/notifications/webhooks/" + townshipSubscription, null);
    }
}
