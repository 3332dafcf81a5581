package org.tanchang.grid.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Starting a sign-in ({@code /oauth2/authorization/**}) is the one anonymous request that makes a session (it holds
 * the state and the PKCE verifier until the auth server sends the browser back), and sessions are this gateway's
 * memory, capped at {@code server.reactive.session.max-sessions}. So each address may start only so many: a 429
 * problem with Retry-After beyond {@code tanchang.gateway.console.sign-in-starts}. (A person starts one per sign-in.)
 */
final class SignInStarts implements WebFilter {

    private static final PathPattern START = PathPatternParser.defaultInstance.parse("/oauth2/authorization/**");
    private static final String BUDGET = "console-sign-in";

    private final RateLimits.Buckets buckets;

    SignInStarts(RateLimits.Buckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!START.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        return buckets.isAllowed(BUDGET, RateLimits.addressOf(exchange)).flatMap(answer -> {
            if (answer.isAllowed()) {
                return chain.filter(exchange);
            }
            answer.getHeaders().forEach((name, value) -> exchange.getResponse().getHeaders().set(name, value));
            return Mono.error(new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS));
        });
    }
}
