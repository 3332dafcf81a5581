package org.tanchang.grid.auth.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.tanchang.grid.auth.TestMongo;
import org.tanchang.grid.platform.test.TestClock;

class MongoAuthorizationServiceTest {

    private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);
    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType("id_token");

    private final RegisteredClient client = RegisteredClient.withId("c").clientId("c")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("http://127.0.0.1:8080/callback").scope("openid").build();
    private final TestMongo mongo = new TestMongo();
    private final TestClock clock = TestClock.stoppedAt(Instant.parse("2026-01-04T01:00:00Z"), ZoneOffset.UTC);
    private final MongoAuthorizationService service = new MongoAuthorizationService(mongo.template(),
            new InMemoryRegisteredClientRepository(client), clock);
    private final Instant now = clock.instant();

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void authorizationsAreForgottenOnceAllTheirTokensExpired() {
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

        clock.advance(Duration.ofMinutes(16));
        assertThat(service.findById("machine")).isNull();
        assertThat(service.findByToken("a1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(service.findByToken("r2", OAuth2TokenType.REFRESH_TOKEN)).isNotNull();
        assertThat(service.purgeExpired()).isEqualTo(1);

        clock.advance(Duration.ofHours(9));
        assertThat(service.findById("person")).isNull();
        assertThat(service.purgeExpired()).isEqualTo(1);
        assertThat(mongo.template().getCollection(MongoAuthorizationService.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void aSignInInProgressIsKeptForTenMinutes() {
        service.save(OAuth2Authorization.withRegisteredClient(client).id("pending").principalName("p")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(OAuth2ParameterNames.STATE, "st-1").build());
        assertThat(service.findByToken("st-1", STATE)).isNotNull();
        assertThat(service.findByToken("st-1", null)).isNotNull();
        clock.advance(MongoAuthorizationService.PENDING_TTL.plusSeconds(1));
        assertThat(service.findByToken("st-1", STATE)).isNull();
    }

    @Test
    void everyTokenIsFoundByItsValueAndOnlyHashesAreStored() {
        service.save(fullAuthorization());

        OAuth2Authorization byCode = service.findByToken("code-1", CODE);
        assertThat(byCode).isNotNull();
        assertThat(byCode.getToken(OAuth2AuthorizationCode.class).getToken().getTokenValue()).isEqualTo("code-1");
        assertThat(byCode.getPrincipalName()).isEqualTo("member.yangjia");
        assertThat(byCode.getAuthorizedScopes()).containsExactly("openid");
        Principal principal = byCode.getAttribute(Principal.class.getName());
        assertThat(principal).isInstanceOf(UsernamePasswordAuthenticationToken.class);
        assertThat(principal.getName()).isEqualTo("member.yangjia");
        OAuth2AuthorizationRequest request = byCode.getAttribute(OAuth2AuthorizationRequest.class.getName());
        assertThat(request.getRedirectUri()).isEqualTo("http://127.0.0.1:8080/callback");
        assertThat(byCode.getAccessToken().getToken().getScopes()).containsExactly("openid");
        assertThat(byCode.getAccessToken().getClaims()).containsEntry("scope_codes", List.of("621223101001001"));
        assertThat(byCode.getToken(OidcIdToken.class).getToken().getSubject()).isEqualTo("member.yangjia");

        assertThat(service.findByToken("access-1", OAuth2TokenType.ACCESS_TOKEN).getAccessToken().getToken()
                .getTokenValue()).isEqualTo("access-1");
        assertThat(service.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN)).isNotNull();
        assertThat(service.findByToken("id-1", ID_TOKEN)).isNotNull();
        assertThat(service.findByToken("refresh-1", null)).isNotNull();
        assertThat(service.findByToken("refresh-1", OAuth2TokenType.ACCESS_TOKEN)).as("wrong type").isNull();
        assertThat(service.findByToken("refresh-2", OAuth2TokenType.REFRESH_TOKEN)).isNull();

        String raw = mongo.template().getCollection(MongoAuthorizationService.COLLECTION).find().first().toJson();
        assertThat(raw).contains(AuthorizationMapping.hash("refresh-1"))
                .doesNotContain("\"code-1\"", "\"access-1\"", "\"refresh-1\"", "\"id-1\"", "secret-password");
    }

    @Test
    void aStoredHashIsNoToken() {
        service.save(fullAuthorization());
        String hash = AuthorizationMapping.hash("refresh-1");
        assertThat(service.findByToken(hash, OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(service.findByToken(AuthorizationMapping.STAND_IN_PREFIX + hash, OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(service.findByToken(AuthorizationMapping.STAND_IN_PREFIX + hash, null)).isNull();
    }

    @Test
    void savingALoadedAuthorizationKeepsTheTokensItDidNotKnow() {
        service.save(fullAuthorization());
        OAuth2Authorization loaded = service.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN);
        assertThat(loaded.getAccessToken().getToken().getTokenValue()).as("unknown: a stand-in")
                .startsWith(AuthorizationMapping.STAND_IN_PREFIX);
        // what a replayed code does: invalidate the tokens it gave
        service.save(OAuth2Authorization.from(loaded).invalidate(loaded.getAccessToken().getToken())
                .invalidate(loaded.getRefreshToken().getToken()).build());

        OAuth2Authorization byAccess = service.findByToken("access-1", OAuth2TokenType.ACCESS_TOKEN);
        assertThat(byAccess).isNotNull();
        assertThat(byAccess.getAccessToken().isInvalidated()).isTrue();
        assertThat(service.findByToken("code-1", CODE).getRefreshToken().isInvalidated()).isTrue();
        assertThat(service.findByToken("id-1", ID_TOKEN).getToken(OidcIdToken.class).isInvalidated()).isFalse();
    }

    @Test
    void removedIsGone() {
        OAuth2Authorization authorization = fullAuthorization();
        service.save(authorization);
        service.remove(authorization);
        assertThat(service.findById("full")).isNull();
        assertThat(service.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();
    }

    @Test
    void expiryIsATtlIndexAndTokenHashesAreIndexed() {
        List<IndexInfo> indexes = mongo.template().indexOps(MongoAuthorizationService.COLLECTION).getIndexInfo();
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.getName()).isEqualTo("authorization_expiry_ttl");
            assertThat(index.getExpireAfter()).contains(Duration.ZERO);
        });
        assertThat(indexes.stream().map(IndexInfo::getName))
                .contains("authorization_refreshToken", "authorization_authorizationCode", "authorization_accessToken");
    }

    private OAuth2Authorization fullAuthorization() {
        User user = new User("member.yangjia", "secret-password", List.of(new SimpleGrantedAuthority("ROLE_GRID_MEMBER")));
        user.eraseCredentials();
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("http://localhost:9000/oauth2/authorize").clientId("c")
                .redirectUri("http://127.0.0.1:8080/callback").scopes(Set.of("openid")).state("s-1")
                .additionalParameters(Map.of("code_challenge", "abc", "code_challenge_method", "S256")).build();
        Instant later = now.plus(Duration.ofMinutes(15));
        return OAuth2Authorization.withRegisteredClient(client).id("full").principalName("member.yangjia")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(Set.of("openid"))
                .attribute(Principal.class.getName(), signedIn)
                .attribute(OAuth2AuthorizationRequest.class.getName(), request)
                .token(new OAuth2AuthorizationCode("code-1", now, now.plus(Duration.ofMinutes(5))),
                        metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, true))
                .token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-1", now, later, Set.of("openid")),
                        metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                                Map.of("sub", "member.yangjia", "scope_codes", List.of("621223101001001"), "iat", now)))
                .refreshToken(new OAuth2RefreshToken("refresh-1", now, now.plus(Duration.ofHours(8))))
                .token(new OidcIdToken("id-1", now, later, Map.of("sub", "member.yangjia", "iat", now)),
                        metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                                Map.of("sub", "member.yangjia", "iat", now)))
                .build();
    }
}
