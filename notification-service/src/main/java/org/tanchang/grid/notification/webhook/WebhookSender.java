package org.tanchang.grid.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.notification.delivery.ChannelSender;
import org.tanchang.grid.notification.delivery.Outgoing;
import org.tanchang.grid.platform.time.Times;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a message to a subscribed system, signed. Anything but a 2xx is a failed attempt, retried with backoff; the
 * delivery id header lets a receiver that answered too slowly recognise the retry of a message it already has.
 */
@Component
class WebhookSender implements ChannelSender {

    private final WebhookSubscriptions subscriptions;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;

    WebhookSender(WebhookSubscriptions subscriptions, JsonMapper json, Clock clock,
            @Value("${tanchang.notification.webhook.timeout}") Duration timeout) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(Outgoing message) throws IOException, InterruptedException {
        WebhookSubscriptions.Endpoint endpoint = subscriptions.endpoint(message.target())
                .orElseThrow(() -> new IllegalStateException("Subscription " + message.target() + " has ended"));
        String body = json.writeValueAsString(payload(message));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSigner.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSigner.SIGNATURE, WebhookSigner.sign(endpoint.secret(), timestamp, body))
                .header(WebhookSigner.DELIVERY, message.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " from the receiver");
        }
    }

    private static Map<String, Object> payload(Outgoing m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("deliveryId", m.deliveryId());
        p.put("kind", m.kind());
        p.put("title", m.title());
        p.put("body", m.body());
        p.put("language", m.language());
        p.put("subjectType", m.subjectType());
        p.put("subjectId", m.subjectId());
        p.put("gridCode", m.gridCode());
        p.put("sourceEventId", m.sourceEventId());
        p.put("sourceEventType", m.sourceEventType());
        p.put("createdAt", Times.local(m.createdAt()).toString());
        p.put("attempt", m.attempt());
        return p;
    }
}
