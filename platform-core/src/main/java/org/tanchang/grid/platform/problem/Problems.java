package org.tanchang.grid.platform.problem;

import org.tanchang.grid.platform.ids.RequestContext;
import java.net.URI;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problems in the one shape the suite uses: stable URN type, title, detail, instance, request and trace id. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:tanchang-grid:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        return withContext(problem);
    }

    /** Adds request and trace ids so a user's complaint can be found in the logs of every process it crossed. */
    public static ProblemDetail withContext(ProblemDetail problem) {
        String requestId = MDC.get(RequestContext.REQUEST_ID);
        String traceId = MDC.get(RequestContext.TRACE_ID);
        if (requestId != null) {
            problem.setProperty(RequestContext.REQUEST_ID, requestId);
        }
        if (traceId != null) {
            problem.setProperty(RequestContext.TRACE_ID, traceId);
        }
        return problem;
    }
}
