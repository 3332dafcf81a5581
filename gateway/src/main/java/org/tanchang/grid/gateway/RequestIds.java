package org.tanchang.grid.gateway;

import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.tanchang.grid.platform.ids.RequestContext;

/**
 * The ids one request carries through the suite: {@code X-Request-Id}, which is ours (the client's if sane, else
 * new), and the trace id, which is Micrometer Tracing's: the server observation of this request continued the
 * client's {@code traceparent} or began a trace, and the gateway's client observation sends it downstream.
 *
 * @param requestId    the client's id if sane, else a new UUID
 * @param traceId      the trace of this request, or null where no request was observed (a request line refused
 *                     before Spring saw an exchange)
 * @param originalPath the path as the client sent it, before any rewrite or fallback forward
 */
record RequestIds(String requestId, String traceId, String originalPath) {

    static final String REQUEST_ID_HEADER = RequestContext.REQUEST_ID_HEADER;
    /** The trace id of the answer, so a client can name the trace of any request, not only of a problem. */
    static final String TRACE_ID_HEADER = "X-Trace-Id";
    static final String ATTRIBUTE = RequestIds.class.getName();

    static RequestIds from(HttpHeaders headers, String traceId, String path) {
        return new RequestIds(RequestContext.requestIdOrNew(headers.getFirst(REQUEST_ID_HEADER)), traceId, path);
    }

    static RequestIds from(ServerWebExchange exchange) {
        return from(exchange.getRequest().getHeaders(), traceIdOf(exchange), exchange.getRequest().getPath().value());
    }

    /** The ids the request filter stored; the fallback and the error handler always find them there. */
    static RequestIds of(ServerWebExchange exchange) {
        RequestIds ids = exchange.getAttribute(ATTRIBUTE);
        return ids != null ? ids : from(exchange);
    }

    /** The trace id of the span the server observation opened for this exchange. */
    static String traceIdOf(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId())
                .orElse(null);
    }

    /** Runs a logging statement with the ids in the MDC: reactive code has no thread to keep them on. */
    void log(Runnable statement) {
        MDC.put(RequestContext.REQUEST_ID, requestId);
        if (traceId != null) {
            MDC.put(RequestContext.TRACE_ID, traceId);
        }
        try {
            statement.run();
        } finally {
            MDC.remove(RequestContext.REQUEST_ID);
            MDC.remove(RequestContext.TRACE_ID);
        }
    }
}
