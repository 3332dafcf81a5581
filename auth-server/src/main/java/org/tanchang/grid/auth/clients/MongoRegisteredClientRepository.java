package org.tanchang.grid.auth.clients;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Repository;

/** Registered clients in MongoDB ({@code clients}); {@link #save} is an upsert by id. */
@Repository
public class MongoRegisteredClientRepository implements RegisteredClientRepository {

    /** Client setting holding the area codes of a client's client_credentials tokens. */
    public static final String SCOPE_CODES_SETTING = "tanchang.scope-codes";

    private final MongoOperations mongo;

    MongoRegisteredClientRepository(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(RegisteredClient client) {
        mongo.save(toDocument(client));
    }

    @Override
    public RegisteredClient findById(String id) {
        ClientDocument document = mongo.findById(id, ClientDocument.class);
        return document == null ? null : toClient(document);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        ClientDocument document = mongo.findOne(Query.query(Criteria.where("clientId").is(clientId)), ClientDocument.class);
        return document == null ? null : toClient(document);
    }

    public static List<String> scopeCodes(RegisteredClient client) {
        Object codes = client.getClientSettings().getSetting(SCOPE_CODES_SETTING);
        return codes instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    static ClientDocument toDocument(RegisteredClient client) {
        TokenSettings tokens = client.getTokenSettings();
        ClientSettings settings = client.getClientSettings();
        return new ClientDocument(client.getId(), client.getClientId(), client.getClientIdIssuedAt(),
                client.getClientSecret(), client.getClientSecretExpiresAt(), client.getClientName(),
                client.getClientAuthenticationMethods().stream().map(ClientAuthenticationMethod::getValue).sorted().toList(),
                client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList(),
                sorted(client.getRedirectUris()), sorted(client.getPostLogoutRedirectUris()), sorted(client.getScopes()),
                settings.isRequireProofKey(), settings.isRequireAuthorizationConsent(), scopeCodes(client),
                tokens.getAccessTokenTimeToLive().toSeconds(), tokens.getRefreshTokenTimeToLive().toSeconds(),
                tokens.isReuseRefreshTokens());
    }

    static RegisteredClient toClient(ClientDocument d) {
        return RegisteredClient.withId(d.id())
                .clientId(d.clientId())
                .clientIdIssuedAt(d.clientIdIssuedAt())
                .clientSecret(d.clientSecret())
                .clientSecretExpiresAt(d.clientSecretExpiresAt())
                .clientName(d.clientName())
                .clientAuthenticationMethods(set -> nonNull(d.authenticationMethods())
                        .forEach(m -> set.add(new ClientAuthenticationMethod(m))))
                .authorizationGrantTypes(set -> nonNull(d.grantTypes())
                        .forEach(g -> set.add(new AuthorizationGrantType(g))))
                .redirectUris(set -> set.addAll(nonNull(d.redirectUris())))
                .postLogoutRedirectUris(set -> set.addAll(nonNull(d.postLogoutRedirectUris())))
                .scopes(set -> set.addAll(nonNull(d.scopes())))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(d.requireProofKey())
                        .requireAuthorizationConsent(d.requireAuthorizationConsent())
                        .setting(SCOPE_CODES_SETTING, List.copyOf(nonNull(d.scopeCodes())))
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(Duration.ofSeconds(d.accessTokenTtlSeconds()))
                        .refreshTokenTimeToLive(Duration.ofSeconds(d.refreshTokenTtlSeconds()))
                        .reuseRefreshTokens(d.reuseRefreshTokens())
                        .build())
                .build();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }
}
