package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** A verified token is used again without a second verification, but never past its expiry, and refusals are not kept. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final List<String> verifications = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

    /** Stands in for Boot's decoder: accepts tokens named "good…" that expire at NOW + 10 min, refuses the rest. */
    private final ReactiveJwtDecoder decoder = token -> {
        verifications.add(token);
        if (!token.startsWith("good") || now.get().isAfter(NOW.plus(Duration.ofMinutes(11)))) {
            return Mono.error(new JwtValidationException("refused", List.of(new OAuth2Error("invalid_token"))));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("member.yangjia")
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofMinutes(10))).build());
    };

    private VerifiedTokens.Remembering remembering() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();   // Boot's default: 60 s of clock skew
        timestamps.setClock(new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        return new VerifiedTokens.Remembering(decoder,
                new GatewayProperties.VerifiedTokens(100, Duration.ofMinutes(5)), timestamps);
    }

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainOnTheNextRequest() {
        VerifiedTokens.Remembering tokens = remembering();

        Jwt first = tokens.decode("good-1").block();
        Jwt second = tokens.decode("good-1").block();

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("member.yangjia");
        assertThat(verifications).containsExactly("good-1");
    }

    @Test
    void aRememberedTokenPastItsExpiryIsRefusedByTheDecoderAsBefore() {
        VerifiedTokens.Remembering tokens = remembering();
        tokens.decode("good-2").block();

        now.set(NOW.plus(Duration.ofMinutes(12)));    // expired, and past the clock skew

        assertThatThrownBy(() -> tokens.decode("good-2").block()).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).containsExactly("good-2", "good-2");
    }

    @Test
    void aRefusedTokenIsVerifiedAgainEveryTime() {
        VerifiedTokens.Remembering tokens = remembering();

        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(JwtValidationException.class);

        assertThat(verifications).containsExactly("forged", "forged");
    }
}
