package org.tanchang.grid.gateway;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request its {@code X-Request-Id}, sends it downstream, answers with it and the trace id
 * ({@code X-Trace-Id}), and writes one access line per request. (The {@code traceparent} sent downstream is the
 * gateway's client observation's, {@code spring.cloud.gateway.server.webflux.observability}.)
 *
 * <p>A {@code WebFilter} rather than a gateway {@code GlobalFilter}: global filters run only for requests that
 * matched a route, but 404s, 405s, 413s, fallbacks and actuator calls need the ids too. The gateway forwards the
 * request this filter mutated, so the headers reach the services all the same.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    private static final Logger ACCESS = LoggerFactory.getLogger("org.tanchang.grid.gateway.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        ServerHttpRequest request = exchange.getRequest();
        RequestIds ids = RequestIds.from(exchange);
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, ids);

        AtomicBoolean logged = new AtomicBoolean();
        ServerHttpResponse response = exchange.getResponse();
        // At commit time, not when the chain completes: errors are rendered by the exception handlers outside this
        // filter, and only the committed response knows the final status.
        response.beforeCommit(() -> {
            response.getHeaders().set(RequestIds.REQUEST_ID_HEADER, ids.requestId());
            if (ids.traceId() != null) {
                response.getHeaders().set(RequestIds.TRACE_ID_HEADER, ids.traceId());
            }
            access(ids, request, response.getStatusCode(), started, logged);
            return Mono.empty();
        });

        ServerWebExchange forwarded = exchange.mutate()
                .request(r -> r.headers(h -> h.set(RequestIds.REQUEST_ID_HEADER, ids.requestId()))).build();
        return chain.filter(forwarded)
                .doOnCancel(() -> access(ids, request, null, started, logged)); // client went away before an answer
    }

    private static void access(RequestIds ids, ServerHttpRequest request, HttpStatusCode status, long started,
            AtomicBoolean logged) {
        if (!logged.compareAndSet(false, true)) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // The path without the query string: queries may carry personal data (names, ID numbers).
        ids.log(() -> ACCESS.info("{} {} {} {} ms requestId={}", request.getMethod(), ids.originalPath(),
                status == null ? "cancelled" : status.value(), millis, ids.requestId()));
    }
}
