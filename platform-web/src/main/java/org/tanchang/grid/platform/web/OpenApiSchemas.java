package org.tanchang.grid.platform.web;

import org.tanchang.grid.platform.problem.FieldError;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schemas every service's document shares, written by hand because the types behind them do not describe the
 * JSON (Spring's {@code ProblemDetail} keeps its extra members in a map that is written flat; boundaries are JTS
 * geometries or JSON trees), and the document-wide rules that make generated clients trust the types:
 * <ul>
 * <li>{@code ProblemDetail} is the RFC 9457 problem the {@code ProblemHandler} writes, with requestId, traceId and
 * errors[]; every reference to Spring's class lands on it.</li>
 * <li>GeoJSON {@code Point}, {@code Polygon}, {@code MultiPolygon} and {@code GeoJsonBoundary} (either polygon
 * type) are added to a document that refers to them ({@link #BOUNDARY_REF} etc.) and to no other, so none is an
 * unused component.</li>
 * <li>Nullability: a property that is not {@code required} may be null, because the services write nulls (Jackson's
 * default inclusion) and accept them for absent optional fields; required properties never are. A {@code $ref}
 * property cannot carry {@code nullable} in OpenAPI 3.0, so it becomes {@code allOf: [$ref]} with
 * {@code nullable: true}, the form openapi-generator understands.</li>
 * <li>Every response header has a schema; a 201's {@code Location} is a URI reference.</li>
 * </ul>
 */
public final class OpenApiSchemas {

    public static final String PROBLEM = "ProblemDetail";
    public static final String POINT_REF = "#/components/schemas/GeoJsonPoint";
    public static final String POLYGON_REF = "#/components/schemas/GeoJsonPolygon";
    public static final String MULTI_POLYGON_REF = "#/components/schemas/GeoJsonMultiPolygon";
    /** A grid or area boundary: a GeoJSON Polygon or MultiPolygon object (WGS 84 longitude, latitude). */
    public static final String BOUNDARY_REF = "#/components/schemas/GeoJsonBoundary";

    private static final String SCHEMAS = "#/components/schemas/";
    private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/(GeoJson\\w+)\"");

    private OpenApiSchemas() {
    }

    /** Applies all of the above to a finished document. */
    public static void apply(OpenAPI openApi) {
        openApi.setOpenapi("3.0.3");   // springdoc's openapi_3_0 writes 3.0.1; 3.0.3 only clarifies its text
        problem(openApi);
        geoJson(openApi);
        headers(openApi);
        Map<String, Schema> components = openApi.getComponents().getSchemas() == null ? Map.of()
                : openApi.getComponents().getSchemas();
        COMPONENTS.set(components);
        try {
            components.forEach((name, schema) -> {
                if (!name.startsWith("GeoJson")) {
                    nullability(schema);
                }
            });
            inlineSchemas(openApi);
        } finally {
            COMPONENTS.remove();
        }
    }

    /** Request and response bodies that are not components (a controller returning a map) follow the same rules. */
    private static void inlineSchemas(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        for (PathItem path : openApi.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values().forEach(media -> nullability(media.getSchema()));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().values().stream().filter(r -> r.getContent() != null)
                            .forEach(r -> r.getContent().values().forEach(media -> nullability(media.getSchema())));
                }
            }
        }
    }

    /**
     * swagger-core writes {@code java.lang.Object} (a map's values, an untyped field) as a bare {@code type: object},
     * which refuses strings and numbers; it stands for any JSON value.
     */
    @SuppressWarnings("rawtypes")
    private static Schema anyValue(Schema schema) {
        boolean bareObject = schema != null && "object".equals(schema.getType()) && schema.get$ref() == null
                && schema.getProperties() == null && schema.getAdditionalProperties() == null
                && schema.getAllOf() == null && schema.getOneOf() == null && schema.getAnyOf() == null
                && schema.getEnum() == null && schema.getExample() == null;
        if (!bareObject) {
            return schema;
        }
        Schema any = new Schema<>().description(schema.getDescription());
        any.setNullable(schema.getNullable());
        return any;
    }

    static Schema<?> problemSchema() {
        Schema<Object> problem = new ObjectSchema().description("An RFC 9457 problem (application/problem+json)");
        problem.addProperty("type", new StringSchema().format("uri-reference")
                .description("Stable problem type, urn:tanchang-grid:problem:<kind>")
                .example("urn:tanchang-grid:problem:validation"));
        problem.addProperty("title", new StringSchema().description("Short summary of the problem type"));
        problem.addProperty("status", new IntegerSchema().format("int32").description("The HTTP status"));
        problem.addProperty("detail", new StringSchema().description("What went wrong in this request"));
        problem.addProperty("instance", new StringSchema().format("uri-reference")
                .description("The path of the request"));
        problem.addProperty("requestId", new StringSchema().description("Quote this when reporting the problem"));
        problem.addProperty("traceId", new StringSchema().description("W3C trace id of the request"));
        problem.addProperty("errors", new ArraySchema().items(fieldError())
                .description("The invalid fields of a validation problem"));
        problem.setRequired(List.of("type", "title", "status"));
        // workflow conflicts and a few others add members (state, allowed, ...): RFC 9457 extensions
        problem.setAdditionalProperties(true);
        return problem;
    }

    private static Schema<?> fieldError() {
        Schema<Object> error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("The field, query parameter or path of the value"));
        error.addProperty("message", new StringSchema());
        error.setRequired(List.of("field", "message"));
        return error;
    }

    private static void problem(OpenAPI openApi) {
        var schemas = openApi.getComponents().getSchemas();
        if (schemas != null) {
            schemas.remove("FieldError");
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
    }

    private static void geoJson(OpenAPI openApi) {
        Map<String, Schema> all = new LinkedHashMap<>();
        Schema<Object> position = new ArraySchema().items(new NumberSchema()).minItems(2).maxItems(3)
                .description("longitude, latitude (WGS 84)");
        Schema<Object> ring = new ArraySchema().items(position).minItems(4)
                .description("a closed linear ring: the first position repeated at the end");
        Schema<Object> polygonCoordinates = new ArraySchema().items(ring).minItems(1)
                .description("the outer ring, then any holes");
        all.put("GeoJsonPoint", geometry("Point", position));
        all.put("GeoJsonPolygon", geometry("Polygon", polygonCoordinates));
        all.put("GeoJsonMultiPolygon", geometry("MultiPolygon", new ArraySchema().items(polygonCoordinates)
                .minItems(1)));
        all.put("GeoJsonBoundary", new Schema<>().description("A GeoJSON Polygon or MultiPolygon (RFC 7946)")
                .oneOf(List.of(new Schema<>().$ref(POLYGON_REF), new Schema<>().$ref(MULTI_POLYGON_REF)))
                .discriminator(new Discriminator().propertyName("type")
                        .mapping("Polygon", POLYGON_REF).mapping("MultiPolygon", MULTI_POLYGON_REF)));
        Set<String> wanted = new TreeSet<>();
        Matcher refs = REF.matcher(io.swagger.v3.core.util.Json.pretty(openApi.getPaths())
                + io.swagger.v3.core.util.Json.pretty(openApi.getComponents().getSchemas()));
        while (refs.find()) {
            wanted.add(refs.group(1));
        }
        if (wanted.contains("GeoJsonBoundary")) {
            wanted.addAll(List.of("GeoJsonPolygon", "GeoJsonMultiPolygon"));
        }
        for (String name : wanted) {
            if (all.containsKey(name)) {
                openApi.getComponents().addSchemas(name, all.get(name));
            }
        }
    }

    private static Schema<Object> geometry(String type, Schema<?> coordinates) {
        Schema<Object> geometry = new ObjectSchema().description("A GeoJSON " + type + " (RFC 7946)");
        geometry.addProperty("type", new StringSchema()._enum(List.of(type)));
        geometry.addProperty("coordinates", coordinates);
        geometry.setRequired(List.of("type", "coordinates"));
        return geometry;
    }

    private static void headers(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        for (PathItem path : openApi.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operation.getResponses() == null) {
                    continue;
                }
                operation.getResponses().forEach((status, response) -> headers(status, response));
            }
        }
    }

    private static void headers(String status, ApiResponse response) {
        if (response.getHeaders() == null) {
            return;
        }
        for (Map.Entry<String, Header> header : response.getHeaders().entrySet()) {
            Header value = header.getValue();
            if (value.get$ref() != null || value.getSchema() != null || value.getContent() != null) {
                continue;
            }
            boolean location = "Location".equalsIgnoreCase(header.getKey());
            value.setSchema(new StringSchema().format(location ? "uri-reference" : null));
            if (location && value.getDescription() == null) {
                value.setDescription("Where the created resource can be read (" + status + ")");
            }
        }
    }

    /** The components of the document being processed: a nullable reference needs its target's type. */
    private static final ThreadLocal<Map<String, Schema>> COMPONENTS = ThreadLocal.withInitial(Map::of);

    @SuppressWarnings("rawtypes")
    private static String typeOf(String ref) {
        Schema target = ref.startsWith(SCHEMAS) ? COMPONENTS.get().get(ref.substring(SCHEMAS.length())) : null;
        return target == null ? null : target.getType() != null ? target.getType()
                : target.getProperties() != null || target.getOneOf() != null ? "object" : null;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void nullability(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if (schema.getItems() != null) {
            schema.setItems(anyValue(schema.getItems()));
            nullability(schema.getItems());
        }
        for (List<Schema> parts : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (parts != null) {
                parts.forEach(part -> nullability(part));
            }
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            schema.setAdditionalProperties(anyValue(values));
            nullability(values);
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : new ArrayList<>(properties.entrySet())) {
            Schema value = anyValue(property.getValue());
            properties.put(property.getKey(), value);
            boolean optional = !required.contains(property.getKey());
            if (value.get$ref() != null) {
                String type = typeOf(value.get$ref());
                if (optional && type != null) {
                    // 3.0 wants a type beside nullable (Spectral: "nullable cannot be used without type")
                    Schema wrapper = new Schema<>().type(type)
                            .allOf(List.of(new Schema<>().$ref(value.get$ref()))).nullable(true);
                    wrapper.setDescription(value.getDescription());
                    properties.put(property.getKey(), wrapper);
                }
                continue;
            }
            if (value.getTypes() != null && value.getTypes().contains("null")) {
                value.getTypes().remove("null");   // 3.1's spelling; 3.0 says nullable
                optional = true;
            }
            if (optional && (value.getType() != null || value.getTypes() != null && !value.getTypes().isEmpty())) {
                value.setNullable(true);   // a schema without a type admits null already
            } else if (Boolean.TRUE.equals(value.getNullable())) {
                value.setNullable(null);
            }
            nullability(value);
        }
    }
}
