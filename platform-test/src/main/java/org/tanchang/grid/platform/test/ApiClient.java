package org.tanchang.grid.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that asserts what an API user sees: status, headers and JSON body. Every response to
 * a documented operation is checked against that operation in the server's OpenAPI document ({@link
 * ResponseValidator}): a response the document does not describe fails the test where it was received.
 */
public final class ApiClient {

    public record Response(int status, Map<String, List<String>> headers, String text, JsonNode json) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final ResponseValidator validator;
    private final boolean validating;

    public ApiClient(String baseUrl) {
        this(baseUrl, null, null, true);
    }

    private ApiClient(String baseUrl, String token, ResponseValidator validator, boolean validating) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.validator = validator;
        this.validating = validating;
    }

    /** The same client sending {@code Authorization: Bearer <token>} with every request. */
    public ApiClient withToken(String bearerToken) {
        return new ApiClient(baseUrl, bearerToken, validator, validating);
    }

    /** The same client without a token. */
    public ApiClient anonymous() {
        return new ApiClient(baseUrl, null, validator, validating);
    }

    /** The same client checking responses against the given documents instead of the server's live ones. */
    public ApiClient validatingAgainst(ResponseValidator documents) {
        return new ApiClient(baseUrl, token, documents, true);
    }

    /**
     * The same client without response validation: only for a test that sends what no document describes on purpose
     * and says why.
     */
    public ApiClient unvalidated() {
        return new ApiClient(baseUrl, token, validator, false);
    }

    public static ApiClient local(int port) {
        return new ApiClient("http://localhost:" + port);
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public Response post(String path, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response send(String method, String path, String body, String... headers) {
        return send(request(path, headers).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A response whose body is bytes (a stored file), not text. */
    public record Download(int status, Map<String, List<String>> headers, byte[] bytes) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * POSTs one file as {@code multipart/form-data} in the part {@code file}, declared with {@code contentType}
     * (what a browser would say from the name); the response is validated as any other.
     */
    public Response upload(String path, String filename, String contentType, byte[] content) {
        String boundary = "tanchang-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build());
    }

    /**
     * GETs bytes; a problem answer is validated against the document as any other, a file by its status and
     * media type (bytes have no schema to check).
     */
    public Download download(String path) {
        HttpRequest request = request(path).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Download result = new Download(response.statusCode(), response.headers().map(), response.body());
            if (validating && ResponseValidator.enabled()) {
                String type = result.header("Content-Type");
                boolean problem = type != null && type.startsWith("application/problem+json");
                (validator != null ? validator : ResponseValidator.forBaseUrl(baseUrl)).validate("GET",
                        request.uri().getRawPath(), result.status(), type,
                        problem ? result.text() : result.bytes().length == 0 ? null : "(binary)");
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("GET " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode node = null;
            if (body != null && !body.isBlank() && (body.startsWith("{") || body.startsWith("["))) {
                node = JSON.readTree(body);
            }
            Response result = new Response(response.statusCode(), response.headers().map(), body, node);
            if (validating && ResponseValidator.enabled() && !request.uri().getPath().startsWith("/v3/api-docs")) {
                (validator != null ? validator : ResponseValidator.forBaseUrl(baseUrl)).validate(request.method(),
                        request.uri().getRawPath(), result.status(), result.header("Content-Type"), body);
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
