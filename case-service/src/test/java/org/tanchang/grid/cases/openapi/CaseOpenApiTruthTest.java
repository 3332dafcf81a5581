package org.tanchang.grid.cases.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * What a generated client of case-service relies on: every 201's Location header has a schema, the operation ids
 * are the chosen stable ones (no springdoc numbering such as list_1), every response content names its schema, and
 * no string parameter's example is a number.
 */
@ServiceIntegrationTest
class CaseOpenApiTruthTest {

    @LocalServerPort
    int port;

    private JsonNode document() {
        return ApiClient.local(port).get("/v3/api-docs").json();
    }

    @Test
    void everyCreatedResponsesLocationHeaderHasASchema() {
        JsonNode paths = document().path("paths");
        for (String path : List.of("/api/incidents", "/api/found-items", "/api/lost-reports")) {
            assertThat(paths.path(path).path("post").path("responses").path("201").path("headers").path("Location")
                    .path("schema").path("type").asString()).as(path).isEqualTo("string");
        }
    }

    @Test
    void everyOperationHasItsStableIdAndEveryResponseItsSchema() {
        JsonNode paths = document().path("paths");
        assertThat(paths.path("/api/incidents").path("get").path("operationId").asString()).isEqualTo("listIncidents");
        assertThat(paths.path("/api/incidents").path("post").path("operationId").asString())
                .isEqualTo("reportIncident");
        assertThat(paths.path("/api/incidents/{id}/void").path("post").path("operationId").asString())
                .isEqualTo("voidIncident");
        List<String> wrong = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String where = op.getKey() + " " + path.getKey();
            String id = op.getValue().path("operationId").asString("");
            // the audit trail's operations are the platform's, named (and checked suite-wide) there
            if (!path.getKey().startsWith("/api/audit/") && !id.matches("[a-z]+[A-Z][A-Za-z]*")) {
                wrong.add(where + " operationId " + id);
            }
            op.getValue().path("responses").properties().forEach(r -> r.getValue().path("content").properties()
                    .forEach(media -> {
                        if (media.getValue().path("schema").isMissingNode()) {
                            wrong.add(where + " " + r.getKey() + " " + media.getKey() + " has no schema");
                        }
                    }));
            op.getValue().path("parameters").forEach(p -> {
                if ("string".equals(p.path("schema").path("type").asString("")) && p.has("example")
                        && !p.path("example").isString()) {
                    wrong.add(where + " parameter " + p.path("name").asString() + " example is not a string");
                }
            });
        }));
        assertThat(wrong).isEmpty();
    }
}
