package org.tanchang.grid.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.tanchang.grid.platform.test.TestTokens;

/** Makes a gateway under test trust the JVM's stand-in auth server, whose tokens {@code TestUsers} signs. */
final class TrustedTestTokens {

    private TrustedTestTokens() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.shared().jwksUri());
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
