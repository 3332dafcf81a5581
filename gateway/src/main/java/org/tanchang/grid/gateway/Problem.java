package org.tanchang.grid.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An RFC 9457 problem in the suite's shape (the same fields the services' {@code ProblemDetail}s carry), as a record:
 * the gateway does not depend on the servlet-based platform module.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "service", "requestId", "traceId"})
record Problem(String type, String title, int status, String detail, String instance, String service,
        String requestId, String traceId) {

    static final String TYPE_PREFIX = "urn:tanchang-grid:problem:";

    /** The 503 a circuit-breaker fallback answers with: it names the service so a client knows what is missing. */
    static Problem serviceUnavailable(String service, RequestIds ids) {
        return new Problem(TYPE_PREFIX + "service-unavailable", "Service unavailable",
                HttpStatus.SERVICE_UNAVAILABLE.value(), service + " is unavailable; try again shortly",
                ids.originalPath(), service, ids.requestId(), ids.traceId());
    }

    /** An error of the gateway's own, typed by its status the way the platform types the framework's errors. */
    static Problem of(HttpStatusCode status, String detail, RequestIds ids) {
        return new Problem(TYPE_PREFIX + slug(status), title(status), status.value(), detail, ids.originalPath(),
                null, ids.requestId(), ids.traceId());
    }

    private static String slug(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "malformed-request";
            case 500 -> "internal";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        };
    }

    private static String title(HttpStatusCode status) {
        if (status.value() == 500) {
            return "Internal error";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return "HTTP " + status.value();
        }
        String phrase = known.getReasonPhrase(); // "Method Not Allowed" -> "Method not allowed"
        return phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT);
    }
}
