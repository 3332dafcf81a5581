package org.tanchang.grid.gateway;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who a call to {@code /api/**} is charged to, for the three {@code RequestRateLimiter} default filters in
 * application.yml (Spring Cloud Gateway's, on Bucket4j). A signed-in request (a bearer token, or the console's
 * session) is charged to its person (the token's {@code sub}) and then to its application ({@code client_id}, else {@code azp}), so people behind one address (an
 * office, a carrier's NAT) do not share a budget and one noisy app cannot starve the others; the person's filter comes
 * first, so a refused person does not spend the application's budget. A request without a token (only public paths
 * get that far) is charged to its address. A resolver with no key for a request (another kind of caller, a token
 * without that claim, a path outside {@code /api/**}, limits switched off) lets it pass ({@code deny-empty-key: false}).
 *
 * <p>Keys come from the principal the security filter chain verified, never the Authorization header itself: an
 * unverified header would let anybody spend somebody else's budget.
 */
@Configuration(proxyBeanMethods = false)
class RateLimits {

    // The filter factory needs one default resolver and limiter (@Primary); every filter in the YAML names its own.
    @Bean
    @Primary
    KeyResolver userKey(GatewayProperties properties) {
        return exchange -> claims(exchange, properties).mapNotNull(claims -> (String) claims.get("sub"));
    }

    @Bean
    KeyResolver clientKey(GatewayProperties properties) {
        return exchange -> claims(exchange, properties).mapNotNull(RateLimits::clientOf);
    }

    @Bean
    KeyResolver addressKey(GatewayProperties properties) {
        return exchange -> !limited(exchange, properties) ? Mono.empty()
                : exchange.getPrincipal().filter(RateLimits::signedIn).hasElement()
                        .filter(signedIn -> !signedIn).map(anonymous -> addressOf(exchange));
    }

    @Bean
    @Primary
    Buckets perUser(GatewayProperties properties, ConfigurationService configurations) {
        return new Buckets(properties.rateLimit().perUser(), properties.rateLimit().maxCallers(),
                TimeMeter.SYSTEM_MILLISECONDS, configurations);
    }

    @Bean
    Buckets perClient(GatewayProperties properties, ConfigurationService configurations) {
        return new Buckets(properties.rateLimit().perClient(), properties.rateLimit().maxCallers(),
                TimeMeter.SYSTEM_MILLISECONDS, configurations);
    }

    @Bean
    Buckets perAddress(GatewayProperties properties, ConfigurationService configurations) {
        return new Buckets(properties.rateLimit().perAddress(), properties.rateLimit().maxCallers(),
                TimeMeter.SYSTEM_MILLISECONDS, configurations);
    }

    private static boolean limited(ServerWebExchange exchange, GatewayProperties properties) {
        return properties.rateLimit().enabled() && exchange.getRequest().getPath().value().startsWith("/api/");
    }

    /**
     * The verified claims of the caller: a bearer token's, or for the console's session (the gateway's OAuth login)
     * the person's ID token, which names the same {@code sub} and {@code client_id} as the access token relayed.
     */
    private static Mono<Map<String, Object>> claims(ServerWebExchange exchange, GatewayProperties properties) {
        return limited(exchange, properties)
                ? exchange.getPrincipal().filter(RateLimits::signedIn).map(RateLimits::claimsOf)
                : Mono.empty();
    }

    private static boolean signedIn(Principal principal) {
        return principal instanceof JwtAuthenticationToken
                || principal instanceof OAuth2AuthenticationToken login && login.getPrincipal() instanceof OidcUser;
    }

    private static Map<String, Object> claimsOf(Principal principal) {
        return principal instanceof JwtAuthenticationToken jwt ? jwt.getToken().getClaims()
                : ((OidcUser) ((OAuth2AuthenticationToken) principal).getPrincipal()).getClaims();
    }

    /** The OAuth client the token was issued to: the auth server's {@code client_id}, Keycloak's {@code azp}. */
    static String clientOf(Jwt token) {
        return clientOf(token.getClaims());
    }

    private static String clientOf(Map<String, Object> claims) {
        Object client = claims.get("client_id");
        return client instanceof String id && !id.isBlank() ? id : claims.get("azp") instanceof String azp ? azp : null;
    }

    static String addressOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /**
     * One kind of caller's buckets: Bucket4j token buckets of {@code capacity} refilled greedily at
     * {@code refillPerSecond}, one per caller, in memory (a Caffeine cache of at most {@code maxCallers}, from which
     * a bucket goes once it is full again: a new one starts full anyway). Per gateway instance.
     */
    static final class Buckets extends Bucket4jRateLimiter {

        private final Config config;
        private final Map<String, String> refusal;

        Buckets(GatewayProperties.Budget budget, int maxCallers, TimeMeter clock, ConfigurationService configurations) {
            super(Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(maxCallers))
                    .clientClock(clock)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                    .build().asAsync(), configurations);
            // The library refills whole tokens per period; a rate like 0.2/s is the whole capacity over capacity/rate.
            this.config = new Config().setCapacity(budget.capacity())
                    .setRefillPeriod(Duration.ofNanos(Math.round(budget.capacity() * 1e9 / budget.refillPerSecond())));
            // The library's answer drops Bucket4j's wait time, so Retry-After is the longest wait: one token's refill.
            this.refusal = Map.of(HttpHeaders.RETRY_AFTER,
                    String.valueOf((long) Math.max(1, Math.ceil(1 / budget.refillPerSecond()))));
        }

        /** The same budget on every route: the library keys its settings by route, ours are by kind of caller. */
        @Override
        protected Config loadRouteConfiguration(String routeId) {
            return config;
        }

        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            return super.isAllowed(routeId, id).map(answer -> answer.isAllowed() ? answer : new Response(false, refusal));
        }

        /** No {@code X-RateLimit-Remaining}: three filters would each add their own to every answer. */
        @Override
        public Map<String, String> getHeaders(Config config, Long tokensLeft) {
            return Map.of();
        }
    }
}
