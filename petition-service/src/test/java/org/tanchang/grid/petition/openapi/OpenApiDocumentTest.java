package org.tanchang.grid.petition.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checked-in copy of this service's OpenAPI document is the one the Java client is generated from (see the
 * pom), so it must be the live one: this fails when {@code /v3/api-docs} differs, and rewrites the copy when run
 * with {@code -Dopenapi.update=true}.
 */
@ServiceIntegrationTest
class OpenApiDocumentTest {

    static final Path COPY = Path.of("src/test/resources/openapi/petition-service.json");

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @LocalServerPort
    int port;

    @Test
    void theCheckedInCopyIsTheLiveDocument() throws Exception {
        var response = ApiClient.local(port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode live = withoutServers(JSON.readTree(response.text()));
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COPY, JSON.writeValueAsString(live) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COPY)).as(COPY + " is missing; run with -Dopenapi.update=true").isTrue();
        JsonNode copy = JSON.readTree(Files.readString(COPY, StandardCharsets.UTF_8));
        List<String> differences = new ArrayList<>();
        differences("", copy, live, differences);
        assertThat(differences).as("where the live document differs from " + COPY + " (rerun with "
                + "-Dopenapi.update=true, review the diff and rebuild the generated client)").isEmpty();
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
        Set<String> names = new TreeSet<>(copy.propertyNames());
        names.addAll(live.propertyNames());
        if (copy.isArray()) {
            for (int i = 0; i < copy.size(); i++) {
                differences(at + "/" + i, copy.get(i), live.get(i), found);
            }
            return;
        }
        for (String name : names) {
            differences(at + "/" + name.replace("~", "~0").replace("/", "~1"), copy.get(name), live.get(name), found);
        }
    }

    /** The server URL carries the random test port; clients are pointed at their server themselves. */
    private static JsonNode withoutServers(JsonNode document) {
        ((ObjectNode) document).remove("servers");
        return document;
    }
}
