package org.tanchang.grid.platform.problem;

import org.tanchang.grid.platform.ids.RequestContext;
import java.net.URI;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problems in the one shape the suite uses: stable URN type, title, detail, instance, request and trace id. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:tanchang-grid:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail, String path) {
        return withContext(problem(status, slug, title, detail, path));
    }

    /** The problem without ids, for code that knows them itself rather than from the thread (reactive handlers). */
    public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        return problem;
    }

    /** Adds the request and trace id a reactive handler carries with its exchange (either may be null). */
    public static ProblemDetail withIds(ProblemDetail problem, String requestId, String traceId) {
        if (requestId != null) {
            problem.setProperty(RequestContext.REQUEST_ID, requestId);
        }
        if (traceId != null) {
            problem.setProperty(RequestContext.TRACE_ID, traceId);
        }
        return problem;
    }

    /** Adds request and trace ids so a user's complaint can be found in the logs of every process it crossed. */
    public static ProblemDetail withContext(ProblemDetail problem) {
        return withIds(problem, MDC.get(RequestContext.REQUEST_ID), MDC.get(RequestContext.TRACE_ID));
    }

    /** The type slug of an error known only by its status (the framework's 404, 405, 415 ...): its name, kebab-case. */
    public static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The title of an error known only by its status: its reason phrase in sentence case ("Method not allowed"). */
    public static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return "HTTP " + status.value();
        }
        String phrase = known.getReasonPhrase();
        return phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT);
    }
}
