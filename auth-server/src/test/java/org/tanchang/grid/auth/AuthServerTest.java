package org.tanchang.grid.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tanchang.grid.auth.clients.SeedClients;
import org.tanchang.grid.auth.users.DemoUsers;
import org.tanchang.grid.auth.users.Role;
import org.tanchang.grid.auth.users.UserAccount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "tanchang.auth.issuer=",
        "tanchang.auth.demo-password=" + AuthServerTest.DEMO_PASSWORD })
@DirtiesContext
class AuthServerTest {

    static final String DEMO_PASSWORD = "pw-tanchang-7Q";
    private static final ObjectMapper JSON = new ObjectMapper();
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

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void discoveryDocumentAndJwksAnswer() throws Exception {
        HttpResponse<String> discovery = get("/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode metadata = JSON.readTree(discovery.body());
        assertThat(metadata.get("issuer").asString()).isEqualTo(base());
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo(base() + "/oauth2/jwks");
        assertThat(metadata.get("token_endpoint").asString()).isEqualTo(base() + "/oauth2/token");
        assertThat(metadata.get("grant_types_supported").toString())
                .contains("authorization_code", "client_credentials", "refresh_token");
        assertThat(metadata.get("code_challenge_methods_supported").toString()).contains("S256");

        HttpResponse<String> jwks = get("/oauth2/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        JsonNode key = JSON.readTree(jwks.body()).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("d")).as("no private part published").isFalse();
    }

    @Test
    void clientCredentialsTokenIsASignedJwtWithSystemRoleAndScope() throws Exception {
        HttpResponse<String> response = clientCredentials("market-supervision", "market-supervision-secret", "cases.read");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(890L, 900L);
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
    void clientCredentialsWithWrongSecretOrScopeIsRefused() throws Exception {
        assertThat(clientCredentials("market-supervision", "wrong", "cases.read").statusCode()).isEqualTo(401);
        assertThat(clientCredentials("market-supervision", "market-supervision-secret", "api.write").statusCode())
                .isEqualTo(400);
        assertThat(clientCredentials("tanchang-cli", "tanchang-cli-secret", "api.read").statusCode()).isEqualTo(200);
    }

    @Test
    void authorizationCodeWithPkceForAGridMember() throws Exception {
        String verifier = randomUrlSafe(48);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?" + form(Map.of(
                "response_type", "code", "client_id", "tanchang-app", "redirect_uri", "http://127.0.0.1:8080/callback",
                "scope", "openid profile", "state", "s-123", "code_challenge", challenge, "code_challenge_method", "S256"));

        HttpResponse<String> toLogin = browse(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).endsWith("/login");

        HttpResponse<String> afterLogin = login("member.yangjia", DEMO_PASSWORD);
        assertThat(afterLogin.statusCode()).isEqualTo(302);
        assertThat(location(afterLogin)).contains("/oauth2/authorize");

        HttpResponse<String> toCallback = browse(location(afterLogin));
        assertThat(toCallback.statusCode()).isEqualTo(302);
        URI callback = URI.create(location(toCallback));
        assertThat(callback.toString()).startsWith("http://127.0.0.1:8080/callback?");
        Map<String, String> query = parseQuery(callback.getRawQuery());
        assertThat(query).containsEntry("state", "s-123");

        // without the verifier the code is refused
        assertThat(post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", query.get("code"),
                "redirect_uri", "http://127.0.0.1:8080/callback", "client_id", "tanchang-app",
                "code_verifier", randomUrlSafe(48))).statusCode()).isEqualTo(400);
        // (a failed exchange invalidates nothing here; Spring keeps the code until it is used successfully)

        HttpResponse<String> tokenResponse = post("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", query.get("code"), "redirect_uri", "http://127.0.0.1:8080/callback",
                "client_id", "tanchang-app", "code_verifier", verifier));
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(tokenResponse.body());
        assertThat(tokens.has("refresh_token")).isTrue();
        assertThat(tokens.has("id_token")).isTrue();

        Jwt access = decoder().decode(tokens.get("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("member.yangjia");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("GRID_MEMBER");
        assertThat(access.getClaimAsStringList("scope_codes")).containsExactly("621223101001001");
        assertThat(access.getClaimAsString("client_id")).isEqualTo("tanchang-app");
        assertThat(access.getClaimAsString("name")).isEqualTo("李德明（杨家村网格员）");
        assertThat(access.getExpiresAt()).isBefore(access.getIssuedAt().plusSeconds(15 * 60 + 1));

        Jwt id = decoder().decode(tokens.get("id_token").asString());
        assertThat(id.getClaimAsStringList("roles")).containsExactly("GRID_MEMBER");

        // the public app refreshes with its client id only; refresh tokens rotate (single use)
        String refreshToken = tokens.get("refresh_token").asString();
        HttpResponse<String> refreshed = post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", "tanchang-app"));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode refreshedTokens = JSON.readTree(refreshed.body());
        assertThat(refreshedTokens.get("refresh_token").asString()).isNotEqualTo(refreshToken);
        assertThat(decoder().decode(refreshedTokens.get("access_token").asString()).getClaimAsStringList("scope_codes"))
                .containsExactly("621223101001001");
        assertThat(post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", "tanchang-app")).statusCode()).isEqualTo(400);
        // another client cannot use the app's refresh token
        assertThat(post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshedTokens.get("refresh_token").asString(), "client_id", "market-supervision"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpResponse<String> response = login("member.yangjia", "not-the-password");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login?error");
        HttpResponse<String> unknown = login("nobody", DEMO_PASSWORD);
        assertThat(location(unknown)).endsWith("/login?error");
    }

    @Test
    void passwordsAreStoredHashed() {
        Document raw = mongoTemplate.getCollection("users").find(new Document("username", "member.yangjia")).first();
        assertThat(raw).isNotNull();
        assertThat(raw.toJson()).doesNotContain(DEMO_PASSWORD);
        assertThat(raw.getString("passwordHash")).startsWith("{bcrypt}");
        assertThat(raw.getList("roles", String.class)).containsExactly("GRID_MEMBER");
        assertThat(raw.getList("scopeCodes", String.class)).containsExactly("621223101001001");

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
        assertThat(mongoTemplate.getCollection("clients").countDocuments()).isEqualTo(3);
        assertThat(DemoUsers.DEMO.stream().map(d -> d.role()).distinct()).containsExactlyInAnyOrder(Role.values());
        // the unique index holds even for a writer that bypasses the seed
        assertThatThrownBy(() -> mongoTemplate.insert(new UserAccount(null, "member.yangjia", "dup", "{noop}x",
                List.of(Role.CITIZEN), List.of(), true))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void healthAndMetricsAreOpen() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"").contains("mongoPing");
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    // --- helpers

    private JwtDecoder decoder() {
        return NimbusJwtDecoder.withJwkSetUri(base() + "/oauth2/jwks").build();
    }

    private HttpResponse<String> clientCredentials(String clientId, String secret, String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials", "scope", scope))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String username, String password) throws Exception {
        HttpResponse<String> page = browse("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        return post("/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
    }

    private HttpResponse<String> get(String pathOrUrl) throws Exception {
        return get(pathOrUrl, "*/*");
    }

    /** A browser asks for text/html: only such requests are remembered across the login page. */
    private HttpResponse<String> browse(String pathOrUrl) throws Exception {
        return get(pathOrUrl, "text/html");
    }

    private HttpResponse<String> get(String pathOrUrl, String accept) throws Exception {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl);
        return http.send(HttpRequest.newBuilder(uri).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            result.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return result;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
