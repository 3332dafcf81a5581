package org.tanchang.grid.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The platform's part of every service's OpenAPI document, as a generator reads it. */
@ServiceIntegrationTest
class PlatformOpenApiTest {

    @LocalServerPort
    int port;

    private JsonNode document() {
        var response = ApiClient.local(port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void theDocumentIsOpenApi303WithoutThe31NullSpelling() {
        JsonNode doc = document();
        assertThat(doc.get("openapi").asString()).isEqualTo("3.0.3");
        assertThat(doc.toString()).doesNotContain("\"type\":\"null\"").doesNotContain("\"types\"");
    }

    @Test
    void everyProblemResponseHasTheProblemSchemaTheHandlerWrites() {
        JsonNode doc = document();
        JsonNode problem = doc.at("/components/schemas/ProblemDetail");
        assertThat(problem.get("properties").propertyNames()).contains("type", "title", "status", "detail",
                "instance", "requestId", "traceId", "errors");
        assertThat(problem.at("/properties/errors/items/required").toString()).contains("field", "message");
        assertThat(problem.at("/properties/properties").isMissingNode()).as("Spring's map is written flat").isTrue();
        JsonNode get = doc.at("/paths/~1api~1parcels~1{id}/get/responses");
        for (String status : new String[] {"400", "401", "403", "404"}) {
            assertThat(get.at("/" + status + "/content/application~1problem+json/schema/$ref").asString())
                    .as(status).isEqualTo("#/components/schemas/ProblemDetail");
        }
    }

    @Test
    void aLocationHeaderHasASchema() {
        JsonNode header = document().at("/paths/~1api~1parcels/post/responses/201/headers/Location");
        assertThat(header.at("/schema/type").asString()).isEqualTo("string");
        assertThat(header.at("/schema/format").asString()).isEqualTo("uri-reference");
    }

    @Test
    void geoJsonIsAnObjectSchemaAndOnlyTheReferencedGeometriesAreAdded() {
        JsonNode schemas = document().at("/components/schemas");
        assertThat(schemas.at("/GeoJsonPoint/type").asString()).isEqualTo("object");
        assertThat(schemas.at("/GeoJsonPoint/properties/type/enum/0").asString()).isEqualTo("Point");
        assertThat(schemas.at("/GeoJsonPoint/properties/coordinates/items/type").asString()).isEqualTo("number");
        assertThat(schemas.has("GeoJsonPolygon")).as("not referenced, so not an unused component").isFalse();
    }

    @Test
    void optionalPropertiesAreNullableAndRequiredOnesAreNot() {
        JsonNode request = document().at("/components/schemas/RegisterParcel");
        assertThat(request.at("/required").toString()).contains("owner");
        assertThat(request.at("/properties/owner/nullable").isMissingNode()).isTrue();
        assertThat(request.at("/properties/deliverBy/nullable").asBoolean()).isTrue();
        assertThat(request.at("/properties/dropOff/nullable").asBoolean()).isTrue();
        assertThat(request.at("/properties/dropOff/allOf/0/$ref").asString())
                .isEqualTo("#/components/schemas/GeoJsonPoint");
    }
}
