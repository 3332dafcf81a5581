package org.tanchang.grid.gateway;

import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits how fast one caller may call {@code /api/**}: over its budget it gets a 429 problem with
 * {@code Retry-After}, and nothing reaches a service. The caller is the client's address until sign-in exists;
 * then it becomes the token's subject and client (see issue 3), so one noisy app cannot starve a township.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    private final TokenBuckets buckets;
    private final boolean enabled;

    RateLimitFilter(GatewayProperties properties) {
        GatewayProperties.RateLimit limit = properties.rateLimit();
        this.enabled = limit.enabled();
        this.buckets = new TokenBuckets(limit.capacity(), limit.refillPerSecond(), limit.maxCallers(), System::nanoTime);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2; // after request ids (so the 429 has one) and the size check
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        TokenBuckets.Decision decision = buckets.take(callerOf(exchange));
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return Mono.error(new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS));
    }

    private static String callerOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "address:" + (remote == null ? "unknown" : remote.getAddress().getHostAddress());
    }
}
