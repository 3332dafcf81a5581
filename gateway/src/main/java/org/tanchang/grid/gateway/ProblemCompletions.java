package org.tanchang.grid.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A gateway filter that ends an exchange with an error status and no body (the {@code RequestRateLimiter}'s 429 with
 * its {@code Retry-After}) gets the gateway's problem from {@link ProblemExceptionHandler}, like every other error.
 * The filter cannot raise an exception instead: it runs inside the route's circuit breaker, whose fallback would
 * turn any error into a 503.
 */
@Component
class ProblemCompletions implements WebFilter, Ordered {

    private final ProblemExceptionHandler problems;

    ProblemCompletions(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return 0; // anywhere before the gateway's handler
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange.mutate().response(new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                return status != null && status.isError() && !isCommitted()
                        ? problems.handle(exchange, new ResponseStatusException(status))
                        : super.setComplete();
            }
        }).build());
    }
}
