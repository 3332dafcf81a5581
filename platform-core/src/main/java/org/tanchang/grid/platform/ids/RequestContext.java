package org.tanchang.grid.platform.ids;

import java.util.UUID;
import java.util.regex.Pattern;

/** Names of the request-scoped values in headers and in the logging MDC. */
public final class RequestContext {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "requestId";
    /** The MDC key Micrometer Tracing writes the current trace id to (its {@code Slf4JEventListener}). */
    public static final String TRACE_ID = "traceId";

    /** What a request id may look like: anything else (too long, odd characters) could forge log lines. */
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestContext() {
    }

    /** The caller's request id if it is sane, else a new one: every request has exactly one, from the edge on. */
    public static String requestIdOrNew(String candidate) {
        return candidate != null && SANE_ID.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
