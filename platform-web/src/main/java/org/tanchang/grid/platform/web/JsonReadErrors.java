package org.tanchang.grid.platform.web;

import org.tanchang.grid.platform.problem.FieldError;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Explains an unreadable request body in the client's terms (which field, which line) without the parser's own
 * message, which names Java classes.
 */
final class JsonReadErrors {

    record Explanation(String detail, List<FieldError> errors) {
    }

    private JsonReadErrors() {
    }

    static Explanation explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException unknown) {
                String field = path(unknown);
                return new Explanation("Unknown field '" + field + "'",
                        List.of(new FieldError(field, "is not a field of this request")));
            }
            if (t instanceof DatabindException bind && !bind.getPath().isEmpty()) {
                String field = path(bind);
                return new Explanation("Field '" + field + "' has the wrong type or format",
                        List.of(new FieldError(field, "has the wrong type or format")));
            }
            if (t instanceof StreamReadException read) {
                return new Explanation("Malformed JSON" + where(read), List.of());
            }
        }
        return new Explanation("The request body is missing or is not valid JSON", List.of());
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
