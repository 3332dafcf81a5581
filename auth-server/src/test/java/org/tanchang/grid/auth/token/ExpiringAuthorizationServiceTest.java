package org.tanchang.grid.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ExpiringAuthorizationServiceTest {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-04T01:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final RegisteredClient client = RegisteredClient.withId("c").clientId("c")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();

    @Test
    void authorizationsAreForgottenOnceAllTheirTokensExpired() {
        MutableClock clock = new MutableClock();
        ExpiringAuthorizationService service = new ExpiringAuthorizationService(clock);
        Instant now = clock.now;
        OAuth2Authorization machine = OAuth2Authorization.withRegisteredClient(client).id("machine").principalName("c")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "a1", now, now.plus(Duration.ofMinutes(15))))
                .build();
        OAuth2Authorization person = OAuth2Authorization.withRegisteredClient(client).id("person").principalName("p")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "a2", now, now.plus(Duration.ofMinutes(15))))
                .refreshToken(new OAuth2RefreshToken("r2", now, now.plus(Duration.ofHours(8))))
                .build();
        service.save(machine);
        service.save(person);
        assertThat(service.findByToken("a1", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();

        clock.now = now.plus(Duration.ofMinutes(16));
        service.sweep();
        assertThat(service.findById("machine")).isNull();
        assertThat(service.findByToken("r2", OAuth2TokenType.REFRESH_TOKEN)).isNotNull();

        clock.now = now.plus(Duration.ofHours(9));
        service.sweep();
        assertThat(service.findById("person")).isNull();
        assertThat(service.size()).isZero();
    }
}
