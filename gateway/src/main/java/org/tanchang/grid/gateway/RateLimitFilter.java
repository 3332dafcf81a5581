package org.tanchang.grid.gateway;

import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits how fast callers may call {@code /api/**}: over a budget the request gets a 429 problem with
 * {@code Retry-After}, and nothing reaches a service. A signed-in request is charged to its person (the token's
 * {@code sub}) and to its application ({@code client_id}, else {@code azp}), so people behind one address (an office,
 * a carrier's NAT) do not share a budget and one noisy app cannot starve the others. A request without a token (only
 * public paths get that far) is charged to its address.
 *
 * <p>Runs right after the security filter chain and reads the principal it verified, never the Authorization
 * header itself: an unverified header would let anybody spend somebody else's budget.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    /** Spring Security's filter chain (WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER, not public). */
    static final int SECURITY_CHAIN_ORDER = -100;

    private final boolean enabled;
    private final TokenBuckets users;
    private final TokenBuckets clients;
    private final TokenBuckets addresses;

    RateLimitFilter(GatewayProperties properties) {
        GatewayProperties.RateLimit limit = properties.rateLimit();
        this.enabled = limit.enabled();
        this.users = buckets(limit.perUser(), limit.maxCallers());
        this.clients = buckets(limit.perClient(), limit.maxCallers());
        this.addresses = buckets(limit.perAddress(), limit.maxCallers());
    }

    private static TokenBuckets buckets(GatewayProperties.Budget budget, int maxCallers) {
        return new TokenBuckets(budget.capacity(), budget.refillPerSecond(), maxCallers, System::nanoTime);
    }

    @Override
    public int getOrder() {
        return SECURITY_CHAIN_ORDER + 1; // right after it: needs the verified token
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> take(((JwtAuthenticationToken) authentication).getToken()))
                .switchIfEmpty(Mono.fromSupplier(() -> addresses.take(addressOf(exchange))))
                .flatMap(decision -> decision.allowed() ? chain.filter(exchange) : refuse(exchange, decision));
    }

    /**
     * The person's bucket first: a refused person does not spend the application's budget. A token without a
     * subject or a client skips that bucket (the auth server always sets both; other issuers may not).
     */
    private TokenBuckets.Decision take(Jwt token) {
        if (token.getSubject() != null) {
            TokenBuckets.Decision user = users.take(token.getSubject());
            if (!user.allowed()) {
                return user;
            }
        }
        String client = clientOf(token);
        return client == null ? TokenBuckets.Decision.ALLOWED : clients.take(client);
    }

    /** The OAuth client the token was issued to: the auth server's {@code client_id}, Keycloak's {@code azp}. */
    static String clientOf(Jwt token) {
        String client = token.getClaimAsString("client_id");
        return client != null && !client.isBlank() ? client : token.getClaimAsString("azp");
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, TokenBuckets.Decision decision) {
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return Mono.error(new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS));
    }

    private static String addressOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
