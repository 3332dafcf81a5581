package org.tanchang.grid.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console offers a screen to exactly the roles the API lets call at least one of the screen's operations (the
 * committed OpenAPI documents' x-allowed-roles; the console is for staff, so not SYSTEM or CITIZEN). The navigation
 * thereby follows the API's own access rules: change a role there and this test names the screen to change.
 */
class ScreensFollowTheApiTest {

    private static final Set<String> NOT_CONSOLE_ROLES = Set.of("SYSTEM", "CITIZEN");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyScreenIsOfferedToTheRolesThatMayCallOneOfItsOperations() throws IOException {
        List<JsonNode> documents = documents();
        JsonNode screens;
        try (InputStream in = getClass().getResourceAsStream("/static/console/screens.json")) {
            screens = json.readTree(in).get("screens");
        }
        assertThat(screens.size()).isGreaterThanOrEqualTo(5);
        for (JsonNode screen : screens) {
            Set<String> expected = new TreeSet<>();
            for (JsonNode operation : screen.get("operations")) {
                String[] methodAndPath = operation.asString().split(" ", 2);
                JsonNode roles = rolesOf(documents, methodAndPath[0].toLowerCase(), methodAndPath[1]);
                assertThat(roles).as("%s of screen %s is in a committed OpenAPI document", operation.asString(),
                        screen.get("route").asString()).isNotNull();
                roles.forEach(role -> expected.add(role.asString()));
            }
            expected.removeAll(NOT_CONSOLE_ROLES);
            Set<String> offered = new TreeSet<>();
            screen.get("roles").forEach(role -> offered.add(role.asString()));
            assertThat(offered).as("roles of screen %s", screen.get("route").asString()).isEqualTo(expected);
        }
    }

    private static JsonNode rolesOf(List<JsonNode> documents, String method, String path) {
        for (JsonNode document : documents) {
            JsonNode operation = document.path("paths").path(path).path(method);
            if (!operation.isMissingNode()) {
                return operation.get("x-allowed-roles");
            }
        }
        return null;
    }

    private List<JsonNode> documents() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("..", "docs", "openapi"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                documents.add(json.readTree(file.toFile()));
            }
        }
        assertThat(documents).as("docs/openapi/*.json").hasSizeGreaterThanOrEqualTo(5);
        return documents;
    }
}
