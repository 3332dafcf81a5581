package org.tanchang.grid.platform.testapp;

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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;

/** A service as resource server, with tokens required: only the auth server's valid tokens get in. */
@ServiceIntegrationTest
@TestPropertySource(properties = {
        "tanchang.security.require-token=true",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://auth.test",
        "spring.kafka.listener.auto-startup=false"})   // this context must not take partitions from the other test's
class ResourceServerIntegrationTest {

    private static final RSAKey KEY = generate();
    private static final RSAKey FORGER = generate();
    private static final HttpServer JWKS = serveJwks();

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + JWKS.getAddress().getPort() + "/oauth2/jwks");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void aValidTokenGetsInAndEverythingElseIsA401Problem() {
        ApiClient api = ApiClient.local(port);

        var valid = api.post("/api/parcels", "{\"owner\":\"token\",\"weightGrams\":5}",
                "Authorization", "Bearer " + token(KEY, Instant.now().plusSeconds(600)));
        var none = api.post("/api/parcels", "{\"owner\":\"token\",\"weightGrams\":5}");
        var forged = api.get("/api/parcels?minWeight=1", "Authorization", "Bearer " + token(FORGER, Instant.now().plusSeconds(600)));
        var expired = api.get("/api/parcels?minWeight=1", "Authorization", "Bearer " + token(KEY, Instant.now().minusSeconds(600)));

        assertThat(valid.status()).isEqualTo(201);
        for (var refused : List.of(none, forged, expired)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:unauthorized");
            assertThat(refused.json().get("requestId").asString()).isNotBlank();
        }
        assertThat(api.get("/actuator/health/liveness").status()).as("operations need no token").isEqualTo(200);
    }

    private static String token(RSAKey key, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("officer.lichuan").issuer("http://auth.test")
                    .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires))
                    .claim("roles", List.of("OFFICER")).claim("scope_codes", List.of("621223101")).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("auth-key").generate();
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
