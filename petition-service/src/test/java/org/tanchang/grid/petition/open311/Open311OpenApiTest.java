package org.tanchang.grid.petition.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * What an integrator generating a client for the facade reads in the OpenAPI document: every Open311 answer in XML
 * has a schema (the JSON body's, with the elements named as the specification has them) and no XML string posing
 * as a JSON example; an invalid token's problem+json is declared beside the facade's own 401 list.
 */
@ServiceIntegrationTest
class Open311OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void everyOpen311AnswerHasAnXmlSchemaNamedAsTheSpecificationAndNoXmlExample() {
        JsonNode document = ApiClient.local(port).get("/v3/api-docs").json();
        List<String> checked = new ArrayList<>();
        document.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/open311/")) {
                return;
            }
            path.getValue().properties().forEach(operation -> operation.getValue().get("responses").properties()
                    .forEach(response -> {
                        JsonNode content = response.getValue().get("content");
                        if (content == null || !content.has("application/json")) {
                            return;
                        }
                        String where = operation.getKey() + " " + path.getKey() + " " + response.getKey();
                        JsonNode xml = content.get("application/xml");
                        assertThat(xml).as(where + " in XML").isNotNull();
                        assertThat(xml.get("schema")).as(where + " XML schema").isNotNull();
                        assertThat(xml.has("example") || xml.has("examples")).as(where + " XML example").isFalse();
                        JsonNode json = content.get("application/json").get("schema");
                        assertThat(xml.get("schema").path("items").path("$ref").asString(""))
                                .isEqualTo(json.path("items").path("$ref").asString(""));
                        checked.add(where);
                    }));
        });
        assertThat(checked).hasSizeGreaterThanOrEqualTo(10);

        JsonNode services = document.at("/paths/~1open311~1v2~1services.{format}/get/responses/200/content/"
                + "application~1xml/schema");
        assertThat(services.at("/xml/name").asString()).isEqualTo("services");
        assertThat(services.at("/xml/wrapped").asBoolean()).isTrue();
        JsonNode created = document.at("/paths/~1open311~1v2~1requests.{format}/post/responses/201/content/"
                + "application~1xml/schema/xml/name");
        assertThat(created.asString()).isEqualTo("service_requests");
        JsonNode schemas = document.get("components").get("schemas");
        assertThat(schemas.at("/Open311Service/xml/name").asString()).isEqualTo("service");
        assertThat(schemas.at("/Open311Request/xml/name").asString()).isEqualTo("request");
        assertThat(schemas.at("/Open311Error/xml/name").asString()).isEqualTo("error");
        assertThat(schemas.at("/Open311ServiceDefinition/properties/attributes/xml/name").asString())
                .isEqualTo("attributes");

        JsonNode unauthorized = document.at("/paths/~1open311~1v2~1requests.{format}/get/responses/401/content");
        assertThat(unauthorized.has("application/json")).isTrue();
        assertThat(unauthorized.at("/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/ProblemDetail");
    }
}
