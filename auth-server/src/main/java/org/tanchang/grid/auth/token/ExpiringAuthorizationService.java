package org.tanchang.grid.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * Authorizations (codes, refresh tokens, the state of a sign-in in progress) in memory, forgotten once every token
 * in them has expired. Spring's in-memory service alone never forgets a completed authorization, so a machine
 * client asking for a token per call would grow it without bound. They die with a restart, as does the generated
 * signing key; a store shared by several instances (MongoDB) is future work.
 */
@Component
class ExpiringAuthorizationService implements OAuth2AuthorizationService {

    /** How long an authorization without any token (a sign-in in progress) is kept. */
    static final Duration PENDING_TTL = Duration.ofMinutes(10);

    private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Clock clock;

    ExpiringAuthorizationService() {
        this(Clock.systemUTC());
    }

    ExpiringAuthorizationService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        sweep();
        delegate.save(authorization);
        expiries.put(authorization.getId(), expiry(authorization));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
        expiries.remove(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }

    int size() {
        return expiries.size();
    }

    void sweep() {
        Instant now = clock.instant();
        expiries.forEach((id, expiry) -> {
            if (expiry.isBefore(now)) {
                OAuth2Authorization expired = delegate.findById(id);
                if (expired != null) {
                    delegate.remove(expired);
                }
                expiries.remove(id, expiry);
            }
        });
    }

    private Instant expiry(OAuth2Authorization authorization) {
        return Stream.of(authorization.getAccessToken(), authorization.getRefreshToken(),
                        authorization.getToken(OAuth2AuthorizationCode.class), authorization.getToken(OidcIdToken.class))
                .filter(Objects::nonNull)
                .map(OAuth2Authorization.Token::getToken)
                .map(OAuth2Token::getExpiresAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElseGet(() -> clock.instant().plus(PENDING_TTL));
    }
}
