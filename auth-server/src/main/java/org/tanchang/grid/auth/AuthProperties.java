package org.tanchang.grid.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param console the browser console's client {@code tanchang-console} (the gateway signs people in with it)
 * @param signingKey the token signing key: PEM files, or (without them) keys stored encrypted in MongoDB
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
        @DefaultValue SigningKey signingKey,
        @DefaultValue Console console) {

    /**
     * The console's client: confidential (the gateway holds the secret, the browser nothing), authorization code with
     * PKCE, refresh tokens rotated.
     *
     * @param secret              its client secret, the same as the gateway's
     * @param redirectUris        the gateway's sign-in callback ({@code <gateway>/login/oauth2/code/tanchang}), one per
     *                            address the gateway is reached at
     * @param postLogoutRedirectUris where the browser may be sent after logout ({@code <gateway>/console/})
     */
    public record Console(@DefaultValue("tanchang-console-secret") String secret, List<String> redirectUris,
            List<String> postLogoutRedirectUris) {

        public Console {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        }
    }

    /**
     * @param privateKeyLocation PKCS#8 PEM ({@code file:...} or {@code classpath:...}); empty: keys stored in MongoDB
     * @param publicKeyLocation X.509 PEM of the same key
     * @param keyId the {@code kid} of the PEM key published in the JWKS
     * @param encryptionKey base64 of 32 bytes: AES-256-GCM key sealing the private halves of the stored keys
     * @param rotateAfter age of the newest stored key after which the next one is created; 0 = never
     * @param encryptionKeyset Tink AEAD keyset (JSON or base64 of it) whose primary seals new keys instead of
     *        {@code encryptionKey}, which then only opens what it sealed; empty: {@code encryptionKey} seals
     */
    public record SigningKey(String privateKeyLocation, String publicKeyLocation,
            @DefaultValue("tanchang-auth-1") String keyId, String encryptionKey,
            @DefaultValue("90d") Duration rotateAfter, String encryptionKeyset) {

        @ConstructorBinding
        public SigningKey {
        }

        /** Without a keyset. */
        public SigningKey(String privateKeyLocation, String publicKeyLocation, String keyId, String encryptionKey,
                Duration rotateAfter) {
            this(privateKeyLocation, publicKeyLocation, keyId, encryptionKey, rotateAfter, null);
        }
    }
}
