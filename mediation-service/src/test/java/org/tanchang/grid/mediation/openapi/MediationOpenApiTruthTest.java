package org.tanchang.grid.mediation.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.OpenApiFaults;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * What a generated client of mediation-service relies on: the timeline read has a typed result (it was void), the
 * created dispute's Location header has a schema, every problem response names its schema, the operation ids are
 * the chosen stable ones, and no string parameter's example is a number.
 */
@ServiceIntegrationTest
class MediationOpenApiTruthTest {

    @LocalServerPort
    int port;

    private JsonNode document() {
        return ApiClient.local(port).get("/v3/api-docs").json();
    }

    @Test
    void theTimelineReadReturnsADisputeTimeline() {
        JsonNode ok = document().path("paths").path("/api/disputes/{id}/timeline").path("get").path("responses")
                .path("200").path("content").path("application/json");
        assertThat(ok.path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/DisputeTimeline");
        assertThat(document().path("components").path("schemas").path("DisputeTimeline").path("properties")
                .propertyNames()).contains("disputeId", "state", "items");
    }

    @Test
    void theOpenedDisputesLocationHeaderHasASchema() {
        JsonNode responses = document().path("paths").path("/api/disputes").path("post").path("responses");
        for (String status : List.of("201", "200")) {
            assertThat(responses.path(status).path("headers").path("Location").path("schema").path("type")
                    .asString()).as(status).isEqualTo("string");
        }
    }

    @Test
    void everyOperationHasItsStableIdAndEveryProblemItsSchema() {
        JsonNode paths = document().path("paths");
        assertThat(paths.path("/api/disputes/{id}/timeline").path("get").path("operationId").asString())
                .isEqualTo("getDisputeTimeline");
        assertThat(paths.path("/api/disputes/{id}/archive").path("post").path("operationId").asString())
                .isEqualTo("archiveDispute");
        assertThat(paths.path("/api/follow-up-visits").path("get").path("operationId").asString())
                .isEqualTo("listFollowUpVisits");
        assertThat(OpenApiFaults.of(document())).isEmpty();
    }
}
