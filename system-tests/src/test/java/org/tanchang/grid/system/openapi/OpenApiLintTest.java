package org.tanchang.grid.system.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed OpenAPI documents lint clean, as an integrator's tooling sees them: Spectral with {@code spectral:oas}
 * and our rules ({@code .spectral.yaml}), once over all of {@code docs/openapi/}, failing on any error or warning.
 * It runs here, at the end of the build, because each service's own test has just proved its copy is the live
 * document. Spectral is installed by {@code .ci/run} into {@code .tools/}; without it the test is skipped and says
 * how to install it.
 */
class OpenApiLintTest {

    static final List<String> SERVICES = List.of("grid-service", "case-service", "mediation-service",
            "petition-service", "notification-service", "auth-server");

    @Test
    void theCommittedDocumentsLintWithoutErrorsOrWarnings() throws Exception {
        Path root = root();
        Path spectral = root.resolve(".tools/node_modules/.bin/spectral");
        assumeTrue(Files.isExecutable(spectral), "Spectral is not installed: run `npm install --prefix .tools "
                + "@stoplight/spectral-cli@6.16.3` (.ci/run does) to lint docs/openapi/");
        List<String> command = new ArrayList<>(List.of(spectral.toString(), "lint", "--ruleset",
                root.resolve(".spectral.yaml").toString(), "--fail-severity=warn", "--format", "json", "--quiet"));
        for (String service : SERVICES) {
            Path document = root.resolve("docs/openapi/" + service + ".json");
            assertThat(document).as("every service's document is committed").exists();
            command.add(document.toString());
        }
        Path output = Files.createTempFile("spectral", ".json");
        Process process = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("spectral finished").isTrue();
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        JsonNode results = JsonMapper.builder().build().readTree(text.isBlank() ? "[]" : text);
        List<String> findings = new ArrayList<>();
        for (JsonNode result : results) {
            findings.add(Path.of(result.path("source").asString()).getFileName() + " " + result.path("path")
                    + " [" + result.path("code").asString() + "] " + result.path("message").asString());
        }
        System.out.println("OpenAPI: " + SERVICES.size() + " documents linted with Spectral (spectral:oas + "
                + ".spectral.yaml): " + findings.size() + " findings");
        assertThat(findings).as("Spectral errors and warnings in docs/openapi/").isEmpty();
        assertThat(process.exitValue()).as("spectral exit code").isZero();
    }

    private static Path root() throws IOException {
        String configured = System.getProperty("suite.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".spectral.yaml"))) {
                return dir;
            }
        }
        throw new IOException(".spectral.yaml not found above " + start);
    }
}
