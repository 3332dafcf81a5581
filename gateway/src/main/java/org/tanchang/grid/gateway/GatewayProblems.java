package org.tanchang.grid.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.tanchang.grid.platform.problem.Problems;

/**
 * The gateway's own problems, in the services' model (platform-core's {@link Problems}: the same URN types, titles
 * and fields), with the ids the exchange carries: reactive code has no thread to keep them on.
 */
final class GatewayProblems {

    private GatewayProblems() {
    }

    /** The 503 a circuit-breaker fallback answers with: it names the service so a client knows what is missing. */
    static ProblemDetail serviceUnavailable(String service, RequestIds ids) {
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Service unavailable", service + " is unavailable; try again shortly", ids.originalPath());
        problem.setProperty("service", service);
        return Problems.withIds(problem, ids.requestId(), ids.traceId());
    }

    /** An error of the gateway's own, typed by its status the way the platform types the framework's errors. */
    static ProblemDetail of(HttpStatusCode status, String detail, RequestIds ids) {
        return of(status, switch (status.value()) {
            case 400 -> "malformed-request";
            case 500 -> "internal";
            default -> Problems.slug(status);
        }, status.value() == 500 ? "Internal error" : Problems.title(status), detail, ids);
    }

    static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail, RequestIds ids) {
        return Problems.withIds(Problems.problem(status, slug, title, detail, ids.originalPath()), ids.requestId(),
                ids.traceId());
    }
}
