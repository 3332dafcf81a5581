package org.tanchang.grid.platform.test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a response against its operation in an OpenAPI 3.0 document, as a generated client would read it: the
 * status must be documented (or {@code default}), the media type declared, and a JSON body must validate against the
 * declared schema (networknt's OpenAPI 3.0 dialect, so {@code nullable} and {@code $ref}s into the document count).
 * A mismatch is an {@link AssertionError} naming the operation and the JSON paths that do not fit.
 *
 * <p>{@link ApiClient} uses it for every response by default, with the live {@code /v3/api-docs} of the server it
 * talks to, or at a gateway the five services' documents under {@code /v3/api-docs/<service>}. Requests that match no
 * documented operation (actuator, the auth server's endpoints, unknown paths) are not validated and counted apart.
 * {@code -Dopenapi.validate=false} turns it off for a run. At JVM exit the counts are printed and appended to
 * {@code target/openapi-responses-validated.txt}.
 */
public final class ResponseValidator {

    /** The services whose documents a gateway serves, tried in this order. */
    public static final List<String> SERVICES = List.of("grid-service", "case-service", "mediation-service",
            "petition-service", "notification-service");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, ResponseValidator> BY_BASE_URL = new ConcurrentHashMap<>();
    private static final AtomicLong VALIDATED = new AtomicLong();
    private static final AtomicLong UNDOCUMENTED = new AtomicLong();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ResponseValidator::report, "openapi-validation-report"));
    }

    private record Operation(String document, String template, Pattern pattern, int variables, String method,
            JsonNode node) {
    }

    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, SchemaRegistry> registries = new ConcurrentHashMap<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ResponseValidator(Map<String, JsonNode> documents) {
        documents.forEach((name, document) -> {
            String iri = "https://openapi.tanchang-grid.invalid/" + name + ".json";
            registries.put(name, SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                    builder -> builder.schemas(Map.of(iri, JSON.writeValueAsString(document)))));
            for (var path : document.path("paths").properties()) {
                String template = path.getKey();
                for (String method : METHODS) {
                    if (path.getValue().has(method)) {
                        operations.add(new Operation(name, template, pattern(template),
                                (int) template.chars().filter(c -> c == '{').count(), method,
                                path.getValue().get(method)));
                    }
                }
            }
        });
        // a literal segment wins over a variable one (/api/grids/tree before /api/grids/{code})
        operations.sort(Comparator.comparingInt(Operation::variables));
    }

    /** A validator over the given documents (e.g. the committed ones under docs/openapi/). */
    public static ResponseValidator of(Map<String, JsonNode> documents) {
        return new ResponseValidator(documents);
    }

    /** A validator over the committed documents in a folder, one per {@code <service>.json}. */
    public static ResponseValidator ofFolder(Path folder) {
        try (var files = Files.list(folder)) {
            return of(files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toMap(
                    f -> f.getFileName().toString().replace(".json", ""),
                    f -> JSON.readTree(readString(f)), (a, b) -> a, LinkedHashMap::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live documents behind a base URL: its own {@code /v3/api-docs}, or a gateway's per-service ones. */
    static ResponseValidator forBaseUrl(String baseUrl) {
        return BY_BASE_URL.computeIfAbsent(baseUrl, ResponseValidator::load);
    }

    private static ResponseValidator load(String baseUrl) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        JsonNode own = fetch(baseUrl + "/v3/api-docs");
        if (own != null) {
            documents.put("service", own);
        }
        // a gateway documents itself without the services' /api operations and serves theirs beside its own
        if (own == null || own.path("paths").propertyNames().stream().noneMatch(p -> p.startsWith("/api"))) {
            for (String service : SERVICES) {
                JsonNode document = fetch(baseUrl + "/v3/api-docs/" + service);
                if (document != null) {
                    documents.put(service, document);
                }
            }
        }
        return new ResponseValidator(documents);
    }

    private static JsonNode fetch(String url) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().startsWith("{")) {
                return null;
            }
            JsonNode document = JSON.readTree(response.body());
            return document.has("openapi") ? document : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Validates one response; returns false when no documented operation matches the request (nothing to check).
     *
     * @throws AssertionError when the response does not fit its operation
     */
    public boolean validate(String method, String pathAndQuery, int status, String contentType, String body) {
        String path = pathAndQuery.split("\\?", 2)[0];
        String verb = method.toLowerCase(Locale.ROOT);
        Operation operation = operations.stream().filter(o -> o.method().equals(verb)
                && o.pattern().matcher(path).matches()).findFirst().orElse(null);
        if (operation == null) {
            UNDOCUMENTED.incrementAndGet();
            return false;
        }
        String name = method + " " + operation.template() + " (operationId "
                + operation.node().path("operationId").asString("?") + ", " + operation.document() + ")";
        JsonNode responses = operation.node().path("responses");
        String key = responses.has(String.valueOf(status)) ? String.valueOf(status)
                : responses.has(status / 100 + "XX") ? status / 100 + "XX" : responses.has("default") ? "default" : null;
        if (key == null) {
            throw new AssertionError("OpenAPI mismatch: " + name + " answered " + status
                    + ", which the document does not declare (declared: " + responses.propertyNames() + ")");
        }
        JsonNode content = responses.get(key).path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (!hasBody) {
            if (!content.isEmpty() && !"HEAD".equalsIgnoreCase(method)) {
                throw new AssertionError("OpenAPI mismatch: " + name + " answered " + status
                        + " without a body, but the document declares " + content.propertyNames());
            }
            VALIDATED.incrementAndGet();
            return true;
        }
        if (content.isEmpty()) {
            throw new AssertionError("OpenAPI mismatch: " + name + " answered " + status + " with a "
                    + contentType + " body, but the document declares no content for it");
        }
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        String mediaKey = content.has(media) ? media : content.has("*/*") ? "*/*" : null;
        if (mediaKey == null) {
            throw new AssertionError("OpenAPI mismatch: " + name + " answered " + status + " as " + media
                    + ", but the document declares only " + content.propertyNames());
        }
        if (content.get(mediaKey).has("schema") && isJson(media)) {
            String pointer = "/paths/" + escape(operation.template()) + "/" + verb + "/responses/" + key
                    + "/content/" + escape(mediaKey) + "/schema";
            Schema schema = schemas.computeIfAbsent(operation.document() + "#" + pointer,
                    k -> registries.get(operation.document()).getSchema(SchemaLocation.of(
                            "https://openapi.tanchang-grid.invalid/" + operation.document() + ".json#" + pointer)));
            List<Error> errors = schema.validate(JSON.readTree(body));
            if (!errors.isEmpty()) {
                throw new AssertionError("OpenAPI mismatch: " + name + " answered " + status
                        + " with a body that does not fit its schema:\n  " + errors.stream().limit(10)
                                .map(Error::toString).collect(Collectors.joining("\n  "))
                        + "\nbody: " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
            }
        }
        VALIDATED.incrementAndGet();
        return true;
    }

    /** How many responses this JVM validated so far. */
    public static long validatedCount() {
        return VALIDATED.get();
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("openapi.validate", "true"));
    }

    private static boolean isJson(String media) {
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report() {
        if (VALIDATED.get() == 0 && UNDOCUMENTED.get() == 0) {
            return;
        }
        String line = "OpenAPI: " + VALIDATED.get() + " responses validated against their operation's schema, "
                + UNDOCUMENTED.get() + " outside any documented operation (actuator, auth server, unknown paths)";
        System.out.println(line);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            try {
                Files.writeString(target.resolve("openapi-responses-validated.txt"), VALIDATED.get() + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // the count is also on stdout
            }
        }
    }
}
