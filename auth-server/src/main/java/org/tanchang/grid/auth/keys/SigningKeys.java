package org.tanchang.grid.auth.keys;

import java.io.IOException;
import java.io.InputStream;
import java.security.Key;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.util.StringUtils;
import org.tanchang.grid.auth.AuthProperties;

/**
 * The RS256 signing keys. With PEM files configured ({@code AUTH_SIGNING_KEY_PRIVATE}/{@code _PUBLIC}) that one key
 * signs and is published, and nothing is stored. Otherwise the keys live in MongoDB, private halves encrypted
 * ({@link StoredSigningKeys}): they survive restarts and every instance signs with the same key.
 *
 * <p>The JWKS endpoint (and the JWT decoder of {@code /userinfo}) use {@link #jwkSource}: every published key. The
 * encoder sees only the signing key, since Nimbus refuses to choose among several keys of the same algorithm.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    @Bean
    KeyRing signingKeyRing(AuthProperties properties, MongoOperations mongo) {
        AuthProperties.SigningKey configured = properties.signingKey();
        if (StringUtils.hasText(configured.privateKeyLocation()) && StringUtils.hasText(configured.publicKeyLocation())) {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) read(configured.publicKeyLocation(), true))
                    .privateKey((RSAPrivateKey) read(configured.privateKeyLocation(), false))
                    .keyID(configured.keyId()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            log.info("signing tokens with the configured key {}", configured.keyId());
            return KeyRing.fixed(key);
        }
        KeyEncryption encryption = new KeyEncryption(configured.encryptionKey(), configured.encryptionKeyset());
        if (encryption.isDevelopmentKey()) {
            log.warn("Signing keys in MongoDB are encrypted with the DEVELOPMENT key from application.yml, which is "
                    + "public; set AUTH_KEY_ENCRYPTION_KEY (base64 of 32 random bytes) or AUTH_KEY_ENCRYPTION_KEYSET "
                    + "for any real deployment");
        }
        Duration rotateAfter = configured.rotateAfter() == null ? Duration.ZERO : configured.rotateAfter();
        return new StoredSigningKeys(mongo, encryption, rotateAfter, Clock.systemUTC());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(KeyRing keys) {
        return (selector, context) -> selector.select(new JWKSet(List.<JWK>copyOf(keys.published())));
    }

    @Bean
    JwtEncoder jwtEncoder(KeyRing keys) {
        return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.signing())));
    }

    private static Key read(String location, boolean publicKey) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return publicKey ? RsaKeyConverters.x509().convert(in) : RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read signing key " + location, e);
        }
    }
}
