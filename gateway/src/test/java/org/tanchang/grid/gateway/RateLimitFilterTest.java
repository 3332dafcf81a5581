package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Which application a token is charged to when the auth server is not ours (Keycloak names it {@code azp}). */
class RateLimitFilterTest {

    private final RateLimitFilter filter = new RateLimitFilter(new GatewayProperties(DataSize.ofMegabytes(1),
            Duration.ofSeconds(5), true, new GatewayProperties.RateLimit(true, 100,
                    new GatewayProperties.Budget(100, 1), new GatewayProperties.Budget(1, 1),
                    new GatewayProperties.Budget(100, 1)), List.of()));

    @Test
    void withoutClientIdTheAuthorizedPartyIsTheApplication() {
        assertThat(call(Map.of("azp", "keycloak-app"), "person-1").getAttributes().get("refused")).isNull();

        MockServerWebExchange refused = call(Map.of("azp", "keycloak-app"), "person-2");

        assertThat(refused.getAttributes().get("refused")).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        // another application's people are not affected
        assertThat(call(Map.of("azp", "other-app"), "person-3").getAttributes().get("refused")).isNull();
    }

    @Test
    void clientIdWinsOverTheAuthorizedParty() {
        call(Map.of("client_id", "tanchang-app", "azp", "shared"), "person-1");

        assertThat(call(Map.of("azp", "shared"), "person-2").getAttributes().get("refused")).isNull();
        assertThat(call(Map.of("client_id", "tanchang-app"), "person-3").getAttributes().get("refused"))
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    private MockServerWebExchange call(Map<String, Object> claims, String subject) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).claims(c -> c.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/incidents"));
        filter.filter(exchange, e -> Mono.empty())
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new JwtAuthenticationToken(jwt, List.of())))
                .onErrorResume(ResponseStatusException.class, e -> {
                    exchange.getAttributes().put("refused", e.getStatusCode());
                    return Mono.empty();
                })
                .block();
        return exchange;
    }
}
