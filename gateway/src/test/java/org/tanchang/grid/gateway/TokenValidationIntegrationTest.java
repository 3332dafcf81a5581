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
import org.tanchang.grid.platform.test.TestUsers;

/**
 * Tokens against a JWKS served by a stand-in auth server: /api/** needs a valid token, which is relayed to the
 * service; the public paths need none, but a token presented there must be valid too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class TokenValidationIntegrationTest {

    private static final StubService CASE_SERVICE = StubService.start();
    private static final StubService PETITION_SERVICE = StubService.start();
    private static final TestTokens TOKENS = TestTokens.shared();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.case-service[0].uri", CASE_SERVICE::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.petition-service[0].uri", PETITION_SERVICE::uri);
        TrustedTestTokens.register(registry);
    }

    @AfterAll
    static void stop() {
        CASE_SERVICE.close();
        PETITION_SERVICE.close();
    }

    @LocalServerPort
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aValidTokenPassesAndIsRelayedUnchangedToTheService() {
        String token = TOKENS.valid("member.yangjia", "GRID_MEMBER", TestUsers.YANGJIA_GRID);

        client().post().uri("/api/incidents/relayed").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/incidents/relayed");

        assertThat(CASE_SERVICE.lastHeaders("/api/incidents/relayed").getFirst("Authorization"))
                .isEqualTo("Bearer " + token);
    }

    @Test
    void withoutATokenAnApiCallIsA401ProblemAndReachesNoService() {
        client().get().uri("/api/incidents/anonymous")
                .header("X-Request-Id", "no-token-1")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().valueEquals("X-Request-Id", "no-token-1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:unauthorized")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/api/incidents/anonymous")
                .jsonPath("$.requestId").isEqualTo("no-token-1");

        assertThat(CASE_SERVICE.lastHeaders("/api/incidents/anonymous")).isNull();
    }

    @Test
    void forgedExpiredForeignOrMalformedTokensAreA401ProblemEvenOnPublicPaths() {
        List<String> refused = List.of(
                "Bearer " + TOKENS.forged("member.yangjia"),
                "Bearer " + TOKENS.expired("member.yangjia"),
                "Bearer " + TOKENS.fromOtherIssuer("member.yangjia"),
                "Bearer not-a-jwt");
        for (String path : List.of("/api/incidents", "/api/service-items/bad-token", "/v3/api-docs/case-service")) {
            for (String authorization : refused) {
                client().get().uri(path).header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                        .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .expectHeader().exists("X-Request-Id")
                        .expectBody()
                        .jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:unauthorized")
                        .jsonPath("$.requestId").exists();
            }
        }
        assertThat(PETITION_SERVICE.lastHeaders("/api/service-items/bad-token")).isNull();
    }

    @Test
    void thePublicCatalogueIsRoutedWithoutAToken() {
        client().get().uri("/api/service-items/anonymous").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/service-items/anonymous");

        assertThat(PETITION_SERVICE.lastHeaders("/api/service-items/anonymous").containsKey("Authorization")).isFalse();
    }

    @Test
    void publicPathsComeFromConfigurationAndEverythingElseIsClosed() {
        client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client().get().uri("/v3/api-docs/case-service").exchange().expectStatus().isOk();
        // public notices have no service yet: past security, the gateway finds no route
        client().get().uri("/api/public/lost-property").exchange().expectStatus().isNotFound();

        // not listed: the audit trail, the gateway's own route list, an unknown path
        for (String path : List.of("/api/audit/case-service/records", "/actuator/gateway/routes", "/nothing-here")) {
            client().get().uri(path).exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        client().get().uri("/actuator/gateway/routes")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestUsers.admin())
                .exchange()
                .expectStatus().isOk();
    }
}
