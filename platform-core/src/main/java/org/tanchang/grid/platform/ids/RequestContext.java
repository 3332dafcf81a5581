package org.tanchang.grid.platform.ids;

/** Names of the request-scoped values in headers and in the logging MDC. */
public final class RequestContext {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "requestId";
    /** The MDC key Micrometer Tracing writes the current trace id to (its {@code Slf4JEventListener}). */
    public static final String TRACE_ID = "traceId";

    private RequestContext() {
    }
}
