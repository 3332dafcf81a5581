package org.tanchang.grid.petition.open311;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.XML;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tanchang.grid.platform.web.OpenApiSchemas;

/**
 * The XML half of the facade's OpenAPI description. Every Open311 response is written in the format of the path's
 * extension, so each one gets an {@code application/xml} body with the same schema as its JSON body, named with
 * OpenAPI's {@code xml} objects the way {@link Open311Xml} writes it ({@code <services><service>},
 * {@code <service_requests><request>}, {@code <errors><error>}, {@code <service_definition>} with
 * {@code <attributes><attribute>} and {@code <values><value>}). The sample XML documents move from the media
 * type's {@code example} into the response's description: a JSON Schema validator (Spectral's
 * oas3-valid-media-example, generated clients) reads an example as JSON, and an XML string never matches an array
 * or object schema.
 */
@Configuration(proxyBeanMethods = false)
class Open311OpenApi {

    private static final String XML_TYPE = "application/xml";
    private static final String JSON_TYPE = "application/json";
    private static final String PROBLEM_TYPE = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";

    /** Component schema: its element, and the root element of a list of it. */
    private static final Map<String, String[]> ELEMENTS = Map.of(
            "Open311Service", new String[] {"service", "services"},
            "Open311Request", new String[] {"request", "service_requests"},
            "Open311Created", new String[] {"request", "service_requests"},
            "Open311Error", new String[] {"error", "errors"},
            "Open311ServiceDefinition", new String[] {"service_definition", null},
            "Open311Attribute", new String[] {"attribute", null},
            "Open311AttributeValue", new String[] {"value", null});

    @Bean
    OpenApiCustomizer open311XmlBodies() {
        return openApi -> {
            names(openApi);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/open311/")) {
                    item.readOperations().forEach(Open311OpenApi::xmlBodies);
                }
            });
        };
    }

    private static void names(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        ELEMENTS.forEach((name, elements) -> {
            Schema<?> schema = schemas.get(name);
            if (schema != null) {
                schema.setXml(new XML().name(elements[0]));
            }
        });
        wrapped(schemas.get("Open311ServiceDefinition"), "attributes");
        wrapped(schemas.get("Open311Attribute"), "values");
    }

    /** A list field is written as {@code <attributes><attribute>…}: a wrapped array. */
    private static void wrapped(Schema<?> schema, String property) {
        if (schema != null && schema.getProperties() != null && schema.getProperties().get(property) != null) {
            schema.getProperties().get(property).setXml(new XML().name(property).wrapped(true));
        }
    }

    private static void xmlBodies(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> xmlBody(response));
        ApiResponse unauthorized = operation.getResponses().get("401");
        if (unauthorized != null && unauthorized.getContent() != null
                && unauthorized.getContent().get(PROBLEM_TYPE) == null) {
            // no token: the facade's error list; a token that is invalid: the platform's filter, before the facade
            unauthorized.getContent().addMediaType(PROBLEM_TYPE, new MediaType()
                    .schema(new Schema<>().$ref(SCHEMAS + OpenApiSchemas.PROBLEM)));
            unauthorized.setDescription(unauthorized.getDescription() + "; a token that is sent but invalid is "
                    + "answered as application/problem+json");
        }
    }

    private static void xmlBody(ApiResponse response) {
        Content content = response.getContent();
        if (content == null || content.get(JSON_TYPE) == null || content.get(JSON_TYPE).getSchema() == null) {
            return;
        }
        Schema<?> json = content.get(JSON_TYPE).getSchema();
        MediaType annotated = content.get(XML_TYPE);
        if (annotated != null && annotated.getExample() instanceof String sample) {
            response.setDescription(response.getDescription() + ". In XML, e.g. `" + sample + "`");
        }
        // a new media type: the model writes an example that was set, even to null
        content.put(XML_TYPE, new MediaType().schema(xmlSchema(json)));
    }

    /** The JSON body's schema, with the root element a list is written under. */
    private static Schema<?> xmlSchema(Schema<?> json) {
        if (json.getItems() == null || json.getItems().get$ref() == null) {
            return json;
        }
        String[] elements = ELEMENTS.get(json.getItems().get$ref().substring(SCHEMAS.length()));
        if (elements == null || elements[1] == null) {
            return json;
        }
        return new ArraySchema().items(new Schema<>().$ref(json.getItems().get$ref()))
                .xml(new XML().name(elements[1]).wrapped(true));
    }
}
