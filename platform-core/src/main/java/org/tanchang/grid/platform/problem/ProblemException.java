package org.tanchang.grid.platform.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A domain refusal that becomes an RFC 9457 problem. Domain code throws one made by the factories below
 * ({@link #notFound}, {@link #conflict}, {@link #invalid} ...); it never builds HTTP responses itself, so the same rule
 * reads the same whether it is hit from a controller or a consumer.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final transient Map<String, Object> properties;

    public ProblemException(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** 404: the thing does not exist or is outside the caller's scope, which must look the same. */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist",
                Map.of());
    }

    /** 409: the request conflicts with the current state, such as an illegal workflow transition. */
    public static ProblemException conflict(String detail, Map<String, Object> properties) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", "Conflict with the current state", detail,
                properties);
    }

    /** 400 in the same shape as bean validation, for rules that only the domain can check. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Validation failed",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                Map.of("errors", List.copyOf(errors)));
    }

    /** 403: the caller's role may not do this, or the target area is outside the caller's scope. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, Map.of());
    }

    /** 422: well-formed, but refers to something that cannot be used (an unknown grid, a closed plan). */
    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail, Map.of());
    }
}
