package org.tanchang.grid.auth.citizens;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.tanchang.grid.auth.PeopleProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs {@code {"to","text","reference","sender"}} as JSON with an optional bearer key; any 2xx is accepted. The same
 * provider-neutral contract as notification-service's adapter (a copy of its 30 lines rather than a shared module:
 * that one is package-private inside the notification channels, and the auth server needs nothing else of them).
 */
class HttpSmsGateway implements SmsGateway {

    private final PeopleProperties.Sms settings;
    private final JsonMapper json;
    private final HttpClient http;

    HttpSmsGateway(PeopleProperties.Sms settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public void send(String mobile, String text, String reference) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("to", mobile, "text", text, "reference", reference,
                "sender", settings.sender()));
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " from the SMS gateway");
        }
    }
}
