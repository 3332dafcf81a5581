package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.unit.DataSize;

/**
 * The buckets on a clock the test moves (the refill without waiting), and who a request is charged to. The whole
 * path through the gateway, 429 problem included, is in RateLimitIntegrationTest and ClientRateLimitIntegrationTest.
 */
class RateLimitsTest {

    private final AtomicLong now = new AtomicLong(Duration.ofDays(20_000).toNanos());
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true; // Bucket4j's proxy managers take no other kind
        }
    };

    private RateLimits.Buckets buckets(long capacity, double perSecond) {
        // no ConfigurationService: it only binds a route's bucket4j-rate-limiter.* arguments, which these do not use
        return new RateLimits.Buckets(new GatewayProperties.Budget(capacity, perSecond), 10, clock, null);
    }

    private static RateLimiter.Response take(RateLimits.Buckets buckets, String caller) {
        return buckets.isAllowed("case-service", caller).block();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void aBurstUpToCapacityPassesThenTheCallerIsToldToWaitForTheRefill() {
        RateLimits.Buckets buckets = buckets(3, 2);
        for (int i = 0; i < 3; i++) {
            RateLimiter.Response allowed = take(buckets, "a");
            assertThat(allowed.isAllowed()).isTrue();
            assertThat(allowed.getHeaders()).isEmpty(); // no X-RateLimit-Remaining on answers that pass
        }

        RateLimiter.Response refused = take(buckets, "a");
        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).isEqualTo(Map.of(HttpHeaders.RETRY_AFTER, "1"));

        advance(Duration.ofMillis(500)); // 2 per second: one token back
        assertThat(take(buckets, "a").isAllowed()).isTrue();
        assertThat(take(buckets, "a").isAllowed()).isFalse();
    }

    @Test
    void callersHaveTheirOwnBudgetsOnEveryRoute() {
        RateLimits.Buckets buckets = buckets(3, 2);
        for (int i = 0; i < 3; i++) {
            take(buckets, "a");
        }

        assertThat(buckets.isAllowed("grid-service", "a").block().isAllowed()).isFalse();
        assertThat(take(buckets, "b").isAllowed()).isTrue();
    }

    @Test
    void aLongPauseDoesNotSaveUpMoreThanTheCapacity() {
        RateLimits.Buckets buckets = buckets(3, 2);
        take(buckets, "a");
        advance(Duration.ofHours(1));

        for (int i = 0; i < 3; i++) {
            assertThat(take(buckets, "a").isAllowed()).isTrue();
        }
        assertThat(take(buckets, "a").isAllowed()).isFalse();
    }

    @Test
    void aRateBelowOnePerSecondRefillsOneTokenInItsOwnTime() {
        RateLimits.Buckets buckets = buckets(1, 0.2);
        take(buckets, "a");

        assertThat(take(buckets, "a").getHeaders()).containsEntry(HttpHeaders.RETRY_AFTER, "5");
        advance(Duration.ofMillis(4900));
        assertThat(take(buckets, "a").isAllowed()).isFalse();
        advance(Duration.ofMillis(100));
        assertThat(take(buckets, "a").isAllowed()).isTrue();
    }

    // ---- who is charged

    private final RateLimits keys = new RateLimits();
    private final GatewayProperties limitsOn = properties(true);

    private static GatewayProperties properties(boolean enabled) {
        GatewayProperties.Budget budget = new GatewayProperties.Budget(1, 1);
        return new GatewayProperties(DataSize.ofMegabytes(1), Duration.ofSeconds(5), true,
                new GatewayProperties.RateLimit(enabled, 10, budget, budget, budget), List.of(), null, DataSize.ofMegabytes(11), List.of());
    }

    private static MockServerWebExchange call(String path, Map<String, Object> claims) {
        MockServerWebExchange.Builder exchange = MockServerWebExchange.builder(MockServerHttpRequest.get(path)
                .remoteAddress(new InetSocketAddress("192.0.2.7", 50000)));
        if (claims != null) {
            Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(claims))
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
            exchange.principal(new JwtAuthenticationToken(jwt, List.of()));
        }
        return exchange.build();
    }

    private static String key(KeyResolver resolver, MockServerWebExchange exchange) {
        return resolver.resolve(exchange).block();
    }

    @Test
    void aSignedInCallIsChargedToItsPersonAndItsApplication() {
        MockServerWebExchange call = call("/api/incidents", Map.of("sub", "person-1", "client_id", "tanchang-app"));

        assertThat(key(keys.userKey(limitsOn), call)).isEqualTo("person-1");
        assertThat(key(keys.clientKey(limitsOn), call)).isEqualTo("tanchang-app");
        assertThat(key(keys.addressKey(limitsOn), call)).isNull();
    }

    @Test
    void eachAddressMayStartOnlySoManySignInsEachHoldingASession() {
        SignInStarts starts = new SignInStarts(buckets(2, 0.5));
        List<String> passed = new java.util.ArrayList<>();
        org.springframework.web.server.WebFilterChain chain = exchange -> {
            passed.add(exchange.getRequest().getPath().value());
            return reactor.core.publisher.Mono.empty();
        };
        java.util.function.Function<String, MockServerWebExchange> from = address -> MockServerWebExchange.from(
                MockServerHttpRequest.get("/oauth2/authorization/tanchang").remoteAddress(new InetSocketAddress(address, 1)));

        starts.filter(from.apply("192.0.2.7"), chain).block();
        starts.filter(from.apply("192.0.2.7"), chain).block();
        MockServerWebExchange third = from.apply("192.0.2.7");
        assertThatThrownBy(() -> starts.filter(third, chain).block())
                .isInstanceOfSatisfying(org.springframework.web.server.ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(429));
        assertThat(third.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(passed).hasSize(2);

        starts.filter(from.apply("192.0.2.8"), chain).block();   // another address has its own
        starts.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/bff/user")
                .remoteAddress(new InetSocketAddress("192.0.2.7", 1))), chain).block();   // only starts count
        advance(Duration.ofSeconds(2));
        starts.filter(from.apply("192.0.2.7"), chain).block();
        assertThat(passed).hasSize(5);
    }

    @Test
    void aConsoleSessionCallIsChargedToItsPersonAndTheConsoleNotToTheAddress() {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id").subject("member.yangjia").claim("client_id", "tanchang-console")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        MockServerWebExchange call = MockServerWebExchange.builder(MockServerHttpRequest.get("/api/incidents")
                        .remoteAddress(new InetSocketAddress("192.0.2.7", 50000)))
                .principal(new OAuth2AuthenticationToken(new DefaultOidcUser(List.of(), idToken), List.of(), "tanchang"))
                .build();

        assertThat(key(keys.userKey(limitsOn), call)).isEqualTo("member.yangjia");
        assertThat(key(keys.clientKey(limitsOn), call)).isEqualTo("tanchang-console");
        assertThat(key(keys.addressKey(limitsOn), call)).isNull();
    }

    @Test
    void withoutClientIdTheAuthorizedPartyIsTheApplicationAndClientIdWinsOverIt() {
        KeyResolver client = keys.clientKey(limitsOn);

        assertThat(key(client, call("/api/incidents", Map.of("sub", "p", "azp", "keycloak-app")))).isEqualTo("keycloak-app");
        assertThat(key(client, call("/api/incidents", Map.of("sub", "p", "client_id", "tanchang-app", "azp", "shared"))))
                .isEqualTo("tanchang-app");
        assertThat(key(client, call("/api/incidents", Map.of("sub", "p")))).isNull(); // that bucket is skipped
    }

    @Test
    void aCallWithoutATokenIsChargedToItsAddressOnly() {
        MockServerWebExchange call = call("/api/service-items", null);

        assertThat(key(keys.addressKey(limitsOn), call)).isEqualTo("192.0.2.7");
        assertThat(key(keys.userKey(limitsOn), call)).isNull();
        assertThat(key(keys.clientKey(limitsOn), call)).isNull();
    }

    @Test
    void nothingIsChargedOutsideTheApiOrWithLimitsSwitchedOff() {
        Map<String, Object> claims = Map.of("sub", "person-1", "client_id", "tanchang-app");
        GatewayProperties limitsOff = properties(false);

        for (MockServerWebExchange call : List.of(call("/v3/api-docs/case-service", claims), call("/open311/v2/services.json", null))) {
            assertThat(key(keys.userKey(limitsOn), call)).isNull();
            assertThat(key(keys.clientKey(limitsOn), call)).isNull();
            assertThat(key(keys.addressKey(limitsOn), call)).isNull();
        }
        assertThat(key(keys.userKey(limitsOff), call("/api/incidents", claims))).isNull();
        assertThat(key(keys.clientKey(limitsOff), call("/api/incidents", claims))).isNull();
        assertThat(key(keys.addressKey(limitsOff), call("/api/service-items", null))).isNull();
    }
}
