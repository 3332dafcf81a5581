package org.tanchang.grid.platform.web;

/** Names of the request-scoped values in headers and in the logging MDC. */
public final class RequestContext {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";
    public static final String REQUEST_ID = "requestId";
    public static final String TRACE_ID = "traceId";
    public static final String TRACEPARENT = "traceparent";

    private RequestContext() {
    }
}
