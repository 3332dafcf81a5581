package org.tanchang.grid.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestTokens;

/** A service as resource server, with tokens required: only the auth server's valid tokens get in. */
@ServiceIntegrationTest
@TestPropertySource(properties = {
        "tanchang.security.require-token=true",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
        "spring.kafka.listener.auto-startup=false"})   // this context must not take partitions from the other test's
class ResourceServerIntegrationTest {

    private static final TestTokens TOKENS = TestTokens.start();

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwksUri);
    }

    @AfterAll
    static void stop() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aValidTokenGetsInAndEverythingElseIsA401Problem() {
        ApiClient api = ApiClient.local(port);

        var valid = api.post("/api/parcels", "{\"owner\":\"token\",\"weightGrams\":5}",
                "Authorization", "Bearer " + TOKENS.valid("officer.lichuan", "OFFICER", "621223101"));
        var none = api.post("/api/parcels", "{\"owner\":\"token\",\"weightGrams\":5}");
        var forged = api.get("/api/parcels?minWeight=1", "Authorization", "Bearer " + TOKENS.forged("officer.lichuan"));
        var expired = api.get("/api/parcels?minWeight=1", "Authorization", "Bearer " + TOKENS.expired("officer.lichuan"));
        var foreign = api.get("/api/parcels?minWeight=1", "Authorization", "Bearer " + TOKENS.fromOtherIssuer("x"));

        assertThat(valid.status()).isEqualTo(201);
        for (var refused : List.of(none, forged, expired, foreign)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:unauthorized");
            assertThat(refused.json().get("requestId").asString()).isNotBlank();
        }
        assertThat(api.get("/actuator/health/liveness").status()).as("operations need no token").isEqualTo(200);
    }
}
