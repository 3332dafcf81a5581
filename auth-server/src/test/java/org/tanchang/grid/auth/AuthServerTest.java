package org.tanchang.grid.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tanchang.grid.auth.OAuthTestClient.json;
import static org.tanchang.grid.auth.OAuthTestClient.location;
import static org.tanchang.grid.auth.OAuthTestClient.randomUrlSafe;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tanchang.grid.auth.clients.SeedClients;
import org.tanchang.grid.auth.users.DemoUsers;
import org.tanchang.grid.auth.users.Role;
import org.tanchang.grid.auth.users.UserAccount;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "tanchang.auth.issuer=",
        "tanchang.auth.demo-password=" + AuthServerTest.DEMO_PASSWORD })
@DirtiesContext
class AuthServerTest {

    static final String DEMO_PASSWORD = "pw-tanchang-7Q";
    private static MongoServer mongo;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongo.bind();
            registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + address.getPort());
        }
    }

    @AfterAll
    static void stopMongo() {
        if (mongo != null) {
            mongo.shutdownNow();
            mongo = null;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongoTemplate;
    @Autowired
    DemoUsers demoUsers;
    @Autowired
    SeedClients seedClients;

    private OAuthTestClient client;

    @BeforeEach
    void newBrowser() {
        client = new OAuthTestClient(port);
    }

    @Test
    void discoveryDocumentAndJwksAnswer() throws Exception {
        HttpResponse<String> discovery = client.get("/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode metadata = json(discovery);
        assertThat(metadata.get("issuer").asString()).isEqualTo(client.base());
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo(client.base() + "/oauth2/jwks");
        assertThat(metadata.get("token_endpoint").asString()).isEqualTo(client.base() + "/oauth2/token");
        assertThat(metadata.get("grant_types_supported").toString())
                .contains("authorization_code", "client_credentials", "refresh_token");
        assertThat(metadata.get("code_challenge_methods_supported").toString()).contains("S256");
        // RP-initiated logout (OIDC), which the console's logout goes through
        assertThat(metadata.get("end_session_endpoint").asString()).isEqualTo(client.base() + "/connect/logout");

        HttpResponse<String> jwks = client.get("/oauth2/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        JsonNode key = json(jwks).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("d")).as("no private part published").isFalse();
    }

    @Test
    void clientCredentialsTokenIsASignedJwtWithSystemRoleAndScope() throws Exception {
        HttpResponse<String> response = client.clientCredentials("market-supervision", "market-supervision-secret", "cases.read");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).as("short-lived: tanchang.auth.access-token-ttl").isBetween(290L, 300L);
        String token = body.get("access_token").asString();

        Jwt jwt = decoder().decode(token);
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(jwt.getSubject()).isEqualTo("market-supervision");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SYSTEM");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("cases.read");
        assertThat(jwt.getClaimAsStringList("scope_codes")).containsExactly("621223");
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("market-supervision");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("宕昌县市场监督管理局");

        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThatThrownBy(() -> decoder().decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void anOutsideAgencyGetsOnlyTheReferralAndItsOwnNotificationScopes() throws Exception {
        HttpResponse<String> referrals = client.clientCredentials("agency-wuhai-police", DEMO_PASSWORD,
                "referrals.read referrals.write notifications.write");
        HttpResponse<String> incidents = client.clientCredentials("agency-wuhai-police", DEMO_PASSWORD,
                "cases.read");

        assertThat(referrals.statusCode()).as(referrals.body()).isEqualTo(200);
        Jwt jwt = decoder().decode(json(referrals).get("access_token").asString());
        assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("referrals.read", "referrals.write",
                "notifications.write");
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("agency-wuhai-police");
        assertThat(incidents.statusCode()).isEqualTo(400);
    }

    @Test
    void clientCredentialsWithWrongSecretOrScopeIsRefused() throws Exception {
        assertThat(client.clientCredentials("market-supervision", "wrong", "cases.read").statusCode()).isEqualTo(401);
        assertThat(client.clientCredentials("market-supervision", "market-supervision-secret", "api.write").statusCode())
                .isEqualTo(400);
        HttpResponse<String> write = client.clientCredentials("tanchang-cli", "tanchang-cli-secret",
                "cases.read cases.write");
        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(decoder().decode(json(write).get("access_token").asString()).getClaimAsStringList("scope"))
                .containsExactlyInAnyOrder("cases.read", "cases.write");
    }

    /** Issue 13, item 1: the read-only client cannot get itself a write scope, alone or beside its own. */
    @Test
    void aClientGetsOnlyTheScopesItIsRegisteredFor() throws Exception {
        HttpResponse<String> write = client.clientCredentials("market-supervision", "market-supervision-secret",
                "cases.write");
        HttpResponse<String> both = client.clientCredentials("market-supervision", "market-supervision-secret",
                "cases.read cases.write");
        HttpResponse<String> otherDomain = client.clientCredentials("market-supervision", "market-supervision-secret",
                "grid.read");

        for (HttpResponse<String> refused : List.of(write, both, otherDomain)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).get("error").asString()).isEqualTo("invalid_scope");
        }
        Document stored = mongoTemplate.getCollection("clients")
                .find(new Document("clientId", "market-supervision")).first();
        assertThat(stored.getList("scopes", String.class)).as("the registration records the scopes")
                .containsExactly("cases.read");
        Document cli = mongoTemplate.getCollection("clients").find(new Document("clientId", "tanchang-cli")).first();
        assertThat(cli.getList("scopes", String.class)).containsAll(SeedClients.DOMAIN_SCOPES)
                .doesNotContain("api.read", "api.write");
    }

    @Test
    void authorizationCodeWithPkceForAGridMember() throws Exception {
        String verifier = randomUrlSafe(48);
        Map<String, String> query = client.authorize("member.yangjia", DEMO_PASSWORD, OAuthTestClient.s256(verifier));
        assertThat(query).containsEntry("state", "s-123");

        // without the verifier the code is refused
        assertThat(client.exchangeCode(query.get("code"), randomUrlSafe(48)).statusCode()).isEqualTo(400);
        // (a failed exchange invalidates nothing here; Spring keeps the code until it is used successfully)

        HttpResponse<String> tokenResponse = client.exchangeCode(query.get("code"), verifier);
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        JsonNode tokens = json(tokenResponse);
        assertThat(tokens.has("refresh_token")).isTrue();
        assertThat(tokens.has("id_token")).isTrue();

        Jwt access = decoder().decode(tokens.get("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("member.yangjia");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("GRID_MEMBER");
        assertThat(access.getClaimAsStringList("scope_codes")).containsExactly("621223101001001", "621223101001002");
        assertThat(access.getClaimAsString("client_id")).isEqualTo("tanchang-app");
        assertThat(access.getClaimAsString("name")).isEqualTo("李德明（杨家村网格员）");
        assertThat(access.getExpiresAt()).isBefore(access.getIssuedAt().plusSeconds(15 * 60 + 1));

        Jwt id = decoder().decode(tokens.get("id_token").asString());
        assertThat(id.getClaimAsStringList("roles")).containsExactly("GRID_MEMBER");

        // the public app refreshes with its client id only; refresh tokens rotate (single use)
        String refreshToken = tokens.get("refresh_token").asString();
        HttpResponse<String> refreshed = client.refresh(refreshToken, "tanchang-app");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode refreshedTokens = json(refreshed);
        assertThat(refreshedTokens.get("refresh_token").asString()).isNotEqualTo(refreshToken);
        assertThat(decoder().decode(refreshedTokens.get("access_token").asString()).getClaimAsStringList("scope_codes"))
                .containsExactly("621223101001001", "621223101001002");
        assertThat(client.refresh(refreshToken, "tanchang-app").statusCode()).isEqualTo(400);
        // another client cannot use the app's refresh token
        assertThat(client.refresh(refreshedTokens.get("refresh_token").asString(), "market-supervision").statusCode())
                .isEqualTo(401);

        // the authorization is in MongoDB, without any usable token value or the password
        List<Document> stored = mongoTemplate.getCollection("authorizations")
                .find(new Document("principalName", "member.yangjia")).into(new java.util.ArrayList<>());
        assertThat(stored).isNotEmpty();
        String raw = stored.stream().map(Document::toJson).reduce("", String::concat);
        assertThat(raw).contains(OAuthTestClient.sha256Hex(refreshedTokens.get("refresh_token").asString()))
                .doesNotContain(query.get("code"), tokens.get("access_token").asString(), refreshToken,
                        refreshedTokens.get("refresh_token").asString(), refreshedTokens.get("access_token").asString(),
                        refreshedTokens.get("id_token").asString(), DEMO_PASSWORD);
    }

    @Test
    void replayingACodeRevokesTheTokensItIssued() throws Exception {
        String verifier = randomUrlSafe(48);
        String code = client.authorize("member.lasha", DEMO_PASSWORD, OAuthTestClient.s256(verifier)).get("code");
        HttpResponse<String> first = client.exchangeCode(code, verifier);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        assertThat(client.exchangeCode(code, verifier).statusCode()).isEqualTo(400);
        // RFC 9700 4.5: a stolen code used twice voids what it gave; the stored authorization must remember that
        assertThat(client.refresh(json(first).get("refresh_token").asString(), "tanchang-app").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theGatewaySwaggerUiMaySignInAsTheApp() throws Exception {
        String challenge = OAuthTestClient.s256(randomUrlSafe(48));
        HttpResponse<String> swagger = client.browse(authorizeAsApp(SeedClients.SWAGGER_UI_REDIRECT, challenge));
        assertThat(swagger.statusCode()).isEqualTo(302);
        assertThat(location(swagger)).endsWith("/login");
        // an address that is not registered is refused outright
        HttpResponse<String> other = client.browse(authorizeAsApp("http://localhost:8080/swagger-ui/other.html", challenge));
        assertThat(other.statusCode()).isEqualTo(400);
    }

    /**
     * The browser console's client, as the gateway (its backend for frontend) uses it: a code with PKCE exchanged
     * with the secret, an ID token with the person's claims, and RP-initiated logout that ends the sign-in here and
     * returns only to a registered address.
     */
    @Test
    void theConsoleSignsInAsAConfidentialClientWithPkceAndItsLogoutEndsTheSignInHere() throws Exception {
        String callback = "http://localhost:8080/login/oauth2/code/tanchang";
        String verifier = randomUrlSafe(48);
        String code = client.authorize(SeedClients.CONSOLE, callback, "member.yangjia", DEMO_PASSWORD,
                OAuthTestClient.s256(verifier)).get("code");

        assertThat(client.exchangeCode(SeedClients.CONSOLE, "not-the-secret", callback, code, verifier).statusCode())
                .isEqualTo(401);
        HttpResponse<String> exchanged = client.exchangeCode(SeedClients.CONSOLE, "tanchang-console-secret", callback,
                code, verifier);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode tokens = json(exchanged);
        assertThat(tokens.has("refresh_token")).isTrue();
        Jwt id = decoder().decode(tokens.get("id_token").asString());
        assertThat(id.getAudience()).containsExactly(SeedClients.CONSOLE);
        assertThat(id.getClaimAsString("name")).isEqualTo("李德明（杨家村网格员）");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("GRID_MEMBER");
        assertThat(id.getClaimAsStringList("scope_codes")).containsExactly("621223101001001", "621223101001002");

        // PKCE is required of the console too: without a challenge the authorization is refused
        HttpResponse<String> withoutPkce = client.browse("/oauth2/authorize?" + OAuthTestClient.form(Map.of(
                "response_type", "code", "client_id", SeedClients.CONSOLE, "redirect_uri", callback,
                "scope", "openid profile", "state", "s-1")));
        assertThat(location(withoutPkce)).startsWith(callback + "?error=invalid_request");

        // logout returns only to a registered address
        String idToken = tokens.get("id_token").asString();
        HttpResponse<String> elsewhere = client.browse("/connect/logout?" + OAuthTestClient.form(Map.of(
                "id_token_hint", idToken, "post_logout_redirect_uri", "http://evil.example/")));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        HttpResponse<String> logout = client.browse("/connect/logout?" + OAuthTestClient.form(Map.of(
                "id_token_hint", idToken, "post_logout_redirect_uri", "http://localhost:8080/console/",
                "state", "bye")));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        assertThat(location(logout)).isEqualTo("http://localhost:8080/console/?state=bye");
        // the sign-in here is over: the next authorization asks for the password again
        HttpResponse<String> again = client.browse("/oauth2/authorize?" + OAuthTestClient.form(Map.of(
                "response_type", "code", "client_id", SeedClients.CONSOLE, "redirect_uri", callback,
                "scope", "openid profile", "code_challenge", OAuthTestClient.s256(verifier),
                "code_challenge_method", "S256")));
        assertThat(location(again)).endsWith("/login");
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> response = client.login("member.yangjia", "not-the-password");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login?error");
        HttpResponse<String> unknown = client.login("nobody", DEMO_PASSWORD);
        assertThat(location(unknown)).endsWith("/login?error");
    }

    @Test
    void passwordsAreStoredHashed() {
        Document raw = mongoTemplate.getCollection("users").find(new Document("username", "member.yangjia")).first();
        assertThat(raw).isNotNull();
        assertThat(raw.toJson()).doesNotContain(DEMO_PASSWORD);
        assertThat(raw.getString("passwordHash")).startsWith("{bcrypt}");
        assertThat(raw.getList("roles", String.class)).containsExactly("GRID_MEMBER");
        assertThat(raw.getList("scopeCodes", String.class)).containsExactly("621223101001001", "621223101001002");

        Document client = mongoTemplate.getCollection("clients").find(new Document("_id", "market-supervision")).first();
        assertThat(client).isNotNull();
        assertThat(client.toJson()).doesNotContain("market-supervision-secret");
        assertThat(client.getString("clientSecret")).startsWith("{bcrypt}");
    }

    @Test
    void seedingTwiceDoesNotDuplicate() {
        demoUsers.seed();
        seedClients.seed();
        demoUsers.seed();
        seedClients.seed();
        assertThat(mongoTemplate.getCollection("users").countDocuments()).isEqualTo(DemoUsers.DEMO.size());
        assertThat(mongoTemplate.getCollection("clients").countDocuments())
                .isEqualTo(4 + SeedClients.DEMO_AGENCIES.size());
        assertThat(DemoUsers.DEMO.stream().map(d -> d.role()).distinct()).containsExactlyInAnyOrder(Role.values());
        // the unique index holds even for a writer that bypasses the seed
        assertThatThrownBy(() -> mongoTemplate.insert(new UserAccount(null, "member.yangjia", "dup", "{noop}x",
                List.of(Role.CITIZEN), List.of(), true))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void healthAndMetricsAreOpen() throws Exception {
        HttpResponse<String> readiness = client.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"").contains("mongoPing");
        assertThat(client.get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    private JwtDecoder decoder() {
        return client.decoder();
    }

    private static String authorizeAsApp(String redirectUri, String challenge) {
        return "/oauth2/authorize?" + OAuthTestClient.form(Map.of("response_type", "code", "client_id", "tanchang-app",
                "redirect_uri", redirectUri, "scope", "openid profile", "code_challenge", challenge,
                "code_challenge_method", "S256"));
    }
}
