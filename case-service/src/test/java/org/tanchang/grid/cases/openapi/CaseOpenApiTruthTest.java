package org.tanchang.grid.cases.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.OpenApiFaults;
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
        assertThat(OpenApiFaults.of(document())).isEmpty();
    }
}
