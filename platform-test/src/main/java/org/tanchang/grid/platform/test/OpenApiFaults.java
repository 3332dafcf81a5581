package org.tanchang.grid.platform.test;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a generated client trips over in a service's OpenAPI document, listed for a test to assert empty: an
 * operation id that is not camelCase verbNoun, a response body without a schema, a string parameter whose example
 * is not a string (springdoc turns digit-only examples into numbers).
 */
public final class OpenApiFaults {

    private OpenApiFaults() {
    }

    public static List<String> of(JsonNode document) {
        List<String> wrong = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
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
        return wrong;
    }
}
