package org.tanchang.grid.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanchang.grid.auth.AuthProperties;

class SigningKeysTest {

    @Test
    void configuredPemKeyIsUsedWithItsKeyId(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        List<JWK> keys = new SigningKeys().jwkSource(properties(new AuthProperties.SigningKey(
                        privatePem.toUri().toString(), publicPem.toUri().toString(), "county-2026")))
                .get(new JWKSelector(new JWKMatcher.Builder().build()), null);

        assertThat(keys).hasSize(1);
        RSAKey key = (RSAKey) keys.get(0);
        assertThat(key.getKeyID()).isEqualTo("county-2026");
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.toRSAPublicKey().getModulus()).isEqualTo(((RSAPublicKey) pair.getPublic()).getModulus());
    }

    @Test
    void withoutPemAKeyIsGenerated() throws Exception {
        List<JWK> keys = new SigningKeys().jwkSource(properties(new AuthProperties.SigningKey("", "", "unused")))
                .get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).isPrivate()).isTrue();
        assertThat(keys.get(0).getKeyID()).isNotEqualTo("unused");
    }

    private static AuthProperties properties(AuthProperties.SigningKey key) {
        return new AuthProperties(null, Duration.ofMinutes(15), Duration.ofHours(8), false, "x", "y", "z", key);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
