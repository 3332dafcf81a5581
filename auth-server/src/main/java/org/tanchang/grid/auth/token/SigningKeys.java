package org.tanchang.grid.auth.token;

import java.io.IOException;
import java.io.InputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.util.StringUtils;
import org.tanchang.grid.auth.AuthProperties;

/**
 * The RS256 signing key and the token generator. Without configured PEM files a fresh 2048-bit key is generated at
 * every start: tokens issued before a restart then no longer verify and clients must sign in again.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    @Bean
    JWKSource<SecurityContext> jwkSource(AuthProperties properties) {
        AuthProperties.SigningKey configured = properties.signingKey();
        RSAKey key;
        if (configured != null && StringUtils.hasText(configured.privateKeyLocation())
                && StringUtils.hasText(configured.publicKeyLocation())) {
            key = new RSAKey.Builder((RSAPublicKey) read(configured.publicKeyLocation(), true))
                    .privateKey((RSAPrivateKey) read(configured.privateKeyLocation(), false))
                    .keyID(configured.keyId()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            log.info("signing tokens with the configured key {}", configured.keyId());
        } else {
            KeyPair pair = generate();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            log.warn("signing tokens with a key generated at start: tokens issued before a restart will not verify");
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder jwtEncoder, TokenClaims claims) {
        JwtGenerator jwt = new JwtGenerator(jwtEncoder);
        jwt.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(), new RefreshTokenGenerator());
    }

    private static java.security.Key read(String location, boolean publicKey) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return publicKey ? RsaKeyConverters.x509().convert(in) : RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read signing key " + location, e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
