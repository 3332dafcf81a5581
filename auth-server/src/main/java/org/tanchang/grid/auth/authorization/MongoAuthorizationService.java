package org.tanchang.grid.auth.authorization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Authorizations (codes, refresh tokens, the state of a sign-in in progress) in MongoDB ({@code authorizations}), so
 * they survive a restart and every instance sees those of the others: a refresh token issued by one instance
 * refreshes at another, a code issued before a restart can still be exchanged after it. Documents store hashes of
 * token values only ({@link AuthorizationDocument}).
 *
 * <p>An authorization is forgotten once every token in it has expired, or {@link #PENDING_TTL} after its last save
 * if it holds no token. A TTL index on {@code expiresAt} deletes it on MongoDB (within about a minute); reads ignore
 * expired documents anyway, and {@link #save} deletes them at most once a minute per instance, because the local wire
 * server accepts TTL indexes but never expires anything.
 *
 * <p>Two instances refreshing the same refresh token at the same moment both succeed and the later save wins (as
 * with Spring's JDBC store): the rotation is then lost for one of the two clients, which must sign in again.
 */
@Component
class MongoAuthorizationService implements OAuth2AuthorizationService {

    static final String COLLECTION = "authorizations";
    /** How long an authorization without any token (a sign-in in progress) is kept. */
    static final Duration PENDING_TTL = Duration.ofMinutes(10);
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    static final String EXPIRES_AT = "expiresAt";

    private static final Logger log = LoggerFactory.getLogger(MongoAuthorizationService.class);
    private static final String[] TOKEN_FIELDS = {"authorizationCode", "accessToken", "refreshToken", "idToken",
            "userCode", "deviceCode"};

    private final MongoOperations mongo;
    private final RegisteredClientRepository clients;
    private final Clock clock;
    private final AuthorizationMapping mapping = new AuthorizationMapping();
    private volatile Instant nextPurge = Instant.MIN;

    @Autowired
    MongoAuthorizationService(MongoOperations mongo, RegisteredClientRepository clients) {
        this(mongo, clients, Clock.systemUTC());
    }

    MongoAuthorizationService(MongoOperations mongo, RegisteredClientRepository clients, Clock clock) {
        this.mongo = mongo;
        this.clients = clients;
        this.clock = clock;
        createIndexes();
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        purgeExpiredNowAndThen();
        mongo.save(mapping.toDocument(authorization, expiry(authorization)));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        mongo.remove(Query.query(Criteria.where("_id").is(authorization.getId())), AuthorizationDocument.class);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return find(Criteria.where("_id").is(id), null);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null) {
            return null;
        }
        String hash = AuthorizationMapping.hash(token);
        if (tokenType == null) {
            return find(new Criteria().orOperator(Stream.concat(Stream.of(Criteria.where("stateHash").is(hash)),
                    Stream.of(TOKEN_FIELDS).map(f -> Criteria.where(f + ".hash").is(hash))).toList()), token);
        }
        String field = field(tokenType.getValue());
        return field == null ? null : find(Criteria.where(field).is(hash), token);
    }

    /** Deletes the authorizations whose last token has expired. */
    long purgeExpired() {
        return mongo.remove(Query.query(Criteria.where(EXPIRES_AT).lte(clock.instant())), AuthorizationDocument.class)
                .getDeletedCount();
    }

    private void purgeExpiredNowAndThen() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_INTERVAL);
        purgeExpired();
    }

    private OAuth2Authorization find(Criteria criteria, String knownValue) {
        Query query = Query.query(new Criteria().andOperator(criteria,
                Criteria.where(EXPIRES_AT).gt(clock.instant())));
        AuthorizationDocument document = mongo.findOne(query, AuthorizationDocument.class);
        if (document == null) {
            return null;
        }
        RegisteredClient client = clients.findById(document.registeredClientId());
        if (client == null) {
            log.warn("authorization {} belongs to client {}, which no longer exists", document.id(),
                    document.registeredClientId());
            return null;
        }
        return mapping.toAuthorization(document, client, knownValue);
    }

    /** The indexed field holding the hash of a token of this type; null for types this store does not know. */
    private static String field(String tokenType) {
        return switch (tokenType) {
            case OAuth2ParameterNames.STATE -> "stateHash";
            case OAuth2ParameterNames.CODE -> "authorizationCode.hash";
            case OAuth2ParameterNames.ACCESS_TOKEN -> "accessToken.hash";
            case OAuth2ParameterNames.REFRESH_TOKEN -> "refreshToken.hash";
            case OidcParameterNames.ID_TOKEN -> "idToken.hash";
            case OAuth2ParameterNames.USER_CODE -> "userCode.hash";
            case OAuth2ParameterNames.DEVICE_CODE -> "deviceCode.hash";
            default -> null;
        };
    }

    private Instant expiry(OAuth2Authorization authorization) {
        return Stream.of(authorization.getAccessToken(), authorization.getRefreshToken(),
                        authorization.getToken(OAuth2AuthorizationCode.class), authorization.getToken(OidcIdToken.class),
                        authorization.getToken(OAuth2UserCode.class), authorization.getToken(OAuth2DeviceCode.class))
                .filter(Objects::nonNull)
                .map(OAuth2Authorization.Token::getToken)
                .map(OAuth2Token::getExpiresAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElseGet(() -> clock.instant().plus(PENDING_TTL));
    }

    private void createIndexes() {
        IndexOperations indexes = mongo.indexOps(AuthorizationDocument.class);
        indexes.createIndex(new Index().on(EXPIRES_AT, Sort.Direction.ASC).expire(Duration.ZERO)
                .named("authorization_expiry_ttl"));
        indexes.createIndex(new Index().on("stateHash", Sort.Direction.ASC).sparse().named("authorization_state"));
        for (String token : TOKEN_FIELDS) {
            indexes.createIndex(new Index().on(token + ".hash", Sort.Direction.ASC).sparse()
                    .named("authorization_" + token));
        }
    }
}
