package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tanchang.grid.platform.test.TestTokens;

/**
 * Tokens against a JWKS served by a stand-in auth server: valid ones pass and are relayed, forged or expired ones
 * get a 401 problem; with require-token on, /api/** needs one but the public catalogue does not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "tanchang.gateway.require-token=true",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER})
class TokenValidationIntegrationTest {

    private static final StubService CASE_SERVICE = StubService.start();
    private static final TestTokens TOKENS = TestTokens.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.case-service[0].uri", CASE_SERVICE::uri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwksUri);
    }

    @AfterAll
    static void stop() {
        CASE_SERVICE.close();
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aValidTokenPassesAndIsRelayedToTheService() {
        String token = TOKENS.valid("member.yangjia", "GRID_MEMBER", "621223101001001");

        client().get().uri("/api/incidents").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();

        assertThat(CASE_SERVICE.lastHeaders("/api/incidents").getFirst("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void noTokenForgedTokenExpiredTokenOrForeignIssuerAreRefusedWithA401Problem() {
        List<String> refused = List.of("",
                "Bearer " + TOKENS.forged("member.yangjia"),
                "Bearer " + TOKENS.expired("member.yangjia"),
                "Bearer " + TOKENS.fromOtherIssuer("member.yangjia"),
                "Bearer not-a-jwt");
        for (String authorization : refused) {
            WebTestClient.RequestHeadersSpec<?> request = client().get().uri("/api/incidents");
            if (!authorization.isEmpty()) {
                request = request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            request.exchange()
                    .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectHeader().exists("X-Request-Id")
                    .expectBody().jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:unauthorized");
        }
    }

    @Test
    void thePublicCatalogueAndHealthNeedNoToken() {
        // petition-service has no instance here: a 503 problem shows the request got past security to routing
        client().get().uri("/api/service-items").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }
}
