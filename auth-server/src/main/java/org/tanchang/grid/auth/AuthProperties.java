package org.tanchang.grid.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity provider ({@code tanchang.auth.*}).
 *
 * @param issuer the issuer URL written into tokens and discovery; empty means "derived from each request"
 * @param accessTokenTtl lifetime of access tokens
 * @param refreshTokenTtl lifetime of refresh tokens
 * @param seedDemoUsers whether to upsert one demo user per role at start (local runs only)
 * @param demoPassword the password of every demo user
 * @param cliSecret the client secret of {@code tanchang-cli}
 * @param marketSupervisionSecret the client secret of {@code market-supervision}
 * @param signingKey optional PEM files for the token signing key; without them a key is generated per start
 */
@ConfigurationProperties("tanchang.auth")
public record AuthProperties(
        String issuer,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("8h") Duration refreshTokenTtl,
        @DefaultValue("true") boolean seedDemoUsers,
        @DefaultValue("tanchang-demo") String demoPassword,
        @DefaultValue("tanchang-cli-secret") String cliSecret,
        @DefaultValue("market-supervision-secret") String marketSupervisionSecret,
        @DefaultValue SigningKey signingKey) {

    /**
     * @param privateKeyLocation PKCS#8 PEM ({@code file:...} or {@code classpath:...}), empty to generate a key
     * @param publicKeyLocation X.509 PEM of the same key
     * @param keyId the {@code kid} published in the JWKS
     */
    public record SigningKey(String privateKeyLocation, String publicKeyLocation, @DefaultValue("tanchang-auth-1") String keyId) {
    }
}
