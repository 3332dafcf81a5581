package org.tanchang.grid.auth.clients;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered OAuth client as stored in the {@code clients} collection: only the fields the suite uses.
 * {@code clientSecret} is hashed ({@code {bcrypt}...}); {@code scopeCodes} is the data scope written into its
 * client_credentials tokens. Durations in seconds.
 */
@Document("clients")
record ClientDocument(
        @Id String id,
        @Indexed(unique = true) String clientId,
        Instant clientIdIssuedAt,
        String clientSecret,
        Instant clientSecretExpiresAt,
        String clientName,
        List<String> authenticationMethods,
        List<String> grantTypes,
        List<String> redirectUris,
        List<String> postLogoutRedirectUris,
        List<String> scopes,
        boolean requireProofKey,
        boolean requireAuthorizationConsent,
        List<String> scopeCodes,
        long accessTokenTtlSeconds,
        long refreshTokenTtlSeconds,
        boolean reuseRefreshTokens) {
}
