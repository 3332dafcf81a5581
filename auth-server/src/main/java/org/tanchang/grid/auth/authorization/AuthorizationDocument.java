package org.tanchang.grid.auth.authorization;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One {@code OAuth2Authorization} in {@code authorizations}. Token values are never stored: each token keeps the
 * SHA-256 of its value ({@code <token>.hash}, indexed, for {@code findByToken}) plus its times and metadata, so a copy
 * of the collection holds no usable code, access, refresh or ID token. {@code attributes} and each token's
 * {@code metadata} are JSON written with Spring Security's Jackson modules (their type allow-list), the format
 * Spring's own JDBC store uses. {@code expiresAt} is when the last token expires (TTL index).
 */
@Document(MongoAuthorizationService.COLLECTION)
record AuthorizationDocument(
        @Id String id,
        String registeredClientId,
        String principalName,
        String grantType,
        List<String> authorizedScopes,
        String attributes,
        String stateHash,
        StoredToken authorizationCode,
        StoredToken accessToken,
        StoredToken refreshToken,
        StoredToken idToken,
        StoredToken userCode,
        StoredToken deviceCode,
        Instant expiresAt) {

    /**
     * @param tokenType {@code Bearer} or {@code DPoP} (access tokens only)
     * @param scopes the access token's scopes (access tokens only)
     */
    record StoredToken(String hash, Instant issuedAt, Instant expiresAt, String metadata, String tokenType,
            List<String> scopes) {
    }
}
