package org.tanchang.grid.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed copy of a service's OpenAPI document ({@code docs/openapi/<service>.json} at the repository root) is
 * what integrators, Spectral and the generated clients read, so it must be the live one. A service adds this with
 * one line: {@code @ServiceIntegrationTest class OpenApiDocumentTest extends CommittedOpenApiDocumentTest {}}.
 * Run with {@code -Dopenapi.update=true} to rewrite the copy (then review the diff).
 *
 * <p>It also holds the operation ids to what generated method names need: every {@code /api} handler names its
 * {@code operationId} explicitly (springdoc's derived ones get numeric suffixes that shift when a controller is
 * added), in camelCase without a numeric suffix, and unique across all committed documents of the suite.
 */
public abstract class CommittedOpenApiDocumentTest {

    /** camelCase, starting with a verb in lower case, no trailing number. */
    static final Pattern OPERATION_ID = Pattern.compile("[a-z][a-zA-Z0-9]*[a-zA-Z]");

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @LocalServerPort
    int port;

    @Value("${spring.application.name}")
    String service;

    @Autowired
    Map<String, RequestMappingHandlerMapping> handlerMappings;

    /** The folder of committed documents: {@code docs/openapi} at the root of the repository. */
    public static Path folder() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/openapi")) || Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("docs/openapi");
            }
        }
        return here.resolve("docs/openapi");
    }

    protected Path committedCopy() {
        return folder().resolve(service + ".json");
    }

    @Test
    void theCommittedCopyIsTheLiveDocument() throws IOException {
        JsonNode live = live();
        Path copy = committedCopy();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, JSON.writeValueAsString(live) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(copy)).as(copy + " is missing; run this test with -Dopenapi.update=true").isTrue();
        List<String> differences = new ArrayList<>();
        differences("", JSON.readTree(Files.readString(copy, StandardCharsets.UTF_8)), live, differences);
        assertThat(differences).as("where the live document differs from " + copy + " (rerun with "
                + "-Dopenapi.update=true, review the diff, lint it and rebuild the generated clients)").isEmpty();
    }

    @Test
    void everyApiOperationNamesAStableOperationId() {
        Set<String> missing = new TreeSet<>();
        handlerMappings.values().forEach(mapping -> mapping.getHandlerMethods().forEach((info, method) -> {
            boolean api = info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api"));
            Operation operation = method.getMethodAnnotation(Operation.class);
            if (api && (operation == null || operation.operationId().isBlank()
                    || !OPERATION_ID.matcher(operation.operationId()).matches())) {
                missing.add(method.getBeanType().getSimpleName() + "#" + method.getMethod().getName() + " "
                        + info.getPatternValues());
            }
        }));
        assertThat(missing).as("handlers without @Operation(operationId = \"verbNoun\") in camelCase").isEmpty();
    }

    @Test
    void operationIdsAreUniqueAcrossTheSuite() throws IOException {
        Map<String, List<String>> owners = new TreeMap<>();
        for (var document : documents().entrySet()) {
            operations(document.getValue()).forEach((id, where) ->
                    owners.computeIfAbsent(id, k -> new ArrayList<>()).add(document.getKey() + " " + where));
        }
        owners.values().removeIf(list -> list.size() < 2);
        assertThat(owners).as("operation ids used more than once across docs/openapi/ and this live document")
                .isEmpty();
    }

    /** Every committed document, with this service's live one in place of its copy. */
    private Map<String, JsonNode> documents() throws IOException {
        Map<String, JsonNode> documents = new TreeMap<>();
        if (Files.isDirectory(folder())) {
            try (var files = Files.list(folder())) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    documents.put(file.getFileName().toString().replace(".json", ""),
                            JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        documents.put(service, live());
        return documents;
    }

    static Map<String, String> operations(JsonNode document) {
        Map<String, String> ids = new TreeMap<>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String id = operation.getValue().path("operationId").asString("");
                if (!id.isEmpty()) {
                    String where = operation.getKey().toUpperCase() + " " + path.getKey();
                    ids.merge(id, where, (a, b) -> a + ", " + b);
                }
            }
        }
        return ids;
    }

    private JsonNode live() {
        var response = ApiClient.local(port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode live = JSON.readTree(response.text());
        // an absolute server URL would carry the random test port; the platform's relative "/" is kept
        if (live.path("servers").toString().contains("://")) {
            ((ObjectNode) live).remove("servers");
        }
        return live;
    }

    /** JSON pointers where the two differ, so a failure names the change instead of printing both documents. */
    private static void differences(String at, JsonNode copy, JsonNode live, List<String> found) {
        if (copy == null || live == null || copy.isObject() != live.isObject() || !copy.isContainer()) {
            if (!Objects.equals(copy, live)) {
                found.add(at + (copy == null ? " added" : live == null ? " removed" : " changed"));
            }
            return;
        }
        if (copy.isArray() && (!live.isArray() || copy.size() != live.size())) {
            found.add(at + " changed");
            return;
        }
        if (copy.isArray()) {
            for (int i = 0; i < copy.size(); i++) {
                differences(at + "/" + i, copy.get(i), live.get(i), found);
            }
            return;
        }
        Set<String> names = new TreeSet<>(copy.propertyNames());
        names.addAll(live.propertyNames());
        for (String name : names) {
            differences(at + "/" + name.replace("~", "~0").replace("/", "~1"), copy.get(name), live.get(name), found);
        }
    }

}
