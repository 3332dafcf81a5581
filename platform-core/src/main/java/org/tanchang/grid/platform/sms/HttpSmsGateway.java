package org.tanchang.grid.platform.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider-neutral HTTP gateway: POST {@code {"to","text","reference","sender"}} as JSON with a bearer key; any
 * 2xx is accepted. A provider with another API gets an adapter of its own or a small relay in front. One adapter
 * for notification-service's SMS channel and the auth server's sign-up codes, so one provider account (or the local
 * SMS sink) serves both.
 */
public class HttpSmsGateway implements SmsGateway {

    private final URI url;
    private final String apiKey;
    private final String sender;
    private final JsonMapper json;
    private final Duration timeout;
    private final HttpClient http;

    public HttpSmsGateway(URI url, String apiKey, String sender, JsonMapper json, Duration timeout) {
        this.url = url;
        this.apiKey = apiKey;
        this.sender = sender;
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void send(String mobile, String text, String reference) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("to", mobile, "text", text, "reference", reference,
                "sender", sender));
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " from the SMS gateway");
        }
    }
}
