package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
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

/**
 * Tokens against a JWKS served by a stand-in auth server: valid ones pass and are relayed, forged or expired ones
 * get a 401 problem; with require-token on, /api/** needs one but the public catalogue does not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "tanchang.gateway.require-token=true",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://auth.test"})
class TokenValidationIntegrationTest {

    private static final StubService CASE_SERVICE = StubService.start();
    private static final RSAKey KEY = generate("auth-key");
    private static final RSAKey FORGER = generate("auth-key");
    private static final HttpServer JWKS = serveJwks();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.case-service[0].uri", CASE_SERVICE::uri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + JWKS.getAddress().getPort() + "/oauth2/jwks");
    }

    @AfterAll
    static void stop() {
        CASE_SERVICE.close();
        JWKS.stop(0);
    }

    @LocalServerPort
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aValidTokenPassesAndIsRelayedToTheService() {
        String token = token(KEY, "http://auth.test", Instant.now().plusSeconds(600));

        client().get().uri("/api/incidents").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();

        assertThat(CASE_SERVICE.lastHeaders("/api/incidents").getFirst("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void noTokenForgedTokenExpiredTokenOrForeignIssuerAreRefusedWithA401Problem() {
        List<String> refused = List.of("",
                "Bearer " + token(FORGER, "http://auth.test", Instant.now().plusSeconds(600)),
                "Bearer " + token(KEY, "http://auth.test", Instant.now().minusSeconds(600)),
                "Bearer " + token(KEY, "http://elsewhere.test", Instant.now().plusSeconds(600)),
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

    private static String token(RSAKey key, String issuer, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("member.yangjia").issuer(issuer)
                    .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires))
                    .claim("roles", List.of("GRID_MEMBER")).claim("scope_codes", List.of("621223101001001")).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
