package org.tanchang.grid.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A browser (cookies, no automatic redirects) and an OAuth client against one running auth server. */
final class OAuthTestClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String APP_CALLBACK = "http://127.0.0.1:8080/callback";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    OAuthTestClient(int port) {
        this.base = "http://localhost:" + port;
    }

    String base() {
        return base;
    }

    /** Verifies against this server's published keys only. */
    JwtDecoder decoder() {
        return NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build();
    }

    /**
     * Signs in through the login form as a browser does and returns the callback query (with {@code code}) of an
     * authorization request of {@code tanchang-app} with PKCE.
     */
    Map<String, String> authorize(String username, String password, String codeChallenge) throws Exception {
        return authorize("tanchang-app", APP_CALLBACK, username, password, codeChallenge);
    }

    /** The same for another client and its callback. */
    Map<String, String> authorize(String clientId, String redirectUri, String username, String password,
            String codeChallenge) throws Exception {
        String authorize = "/oauth2/authorize?" + form(Map.of(
                "response_type", "code", "client_id", clientId, "redirect_uri", redirectUri,
                "scope", "openid profile", "state", "s-123", "code_challenge", codeChallenge,
                "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = browse(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).endsWith("/login");

        HttpResponse<String> afterLogin = login(username, password);
        assertThat(afterLogin.statusCode()).isEqualTo(302);
        assertThat(location(afterLogin)).contains("/oauth2/authorize");

        HttpResponse<String> toCallback = browse(location(afterLogin));
        assertThat(toCallback.statusCode()).isEqualTo(302);
        URI callback = URI.create(location(toCallback));
        assertThat(callback.toString()).startsWith(redirectUri + "?");
        return parseQuery(callback.getRawQuery());
    }

    HttpResponse<String> exchangeCode(String code, String verifier) throws Exception {
        return post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", APP_CALLBACK, "client_id", "tanchang-app", "code_verifier", verifier));
    }

    /** A confidential client's exchange: its secret by HTTP Basic, and the PKCE verifier. */
    HttpResponse<String> exchangeCode(String clientId, String secret, String redirectUri, String code, String verifier)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirectUri, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> refresh(String refreshToken, String clientId) throws Exception {
        return post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", clientId));
    }

    HttpResponse<String> clientCredentials(String clientId, String secret, String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials", "scope", scope))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> login(String username, String password) throws Exception {
        HttpResponse<String> page = browse("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        return post("/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
    }

    HttpResponse<String> get(String pathOrUrl) throws Exception {
        return get(pathOrUrl, "*/*");
    }

    /** A browser asks for text/html: only such requests are remembered across the login page. */
    HttpResponse<String> browse(String pathOrUrl) throws Exception {
        return get(pathOrUrl, "text/html");
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathOrUrl, String accept) throws Exception {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        return http.send(HttpRequest.newBuilder(uri).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            result.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return result;
    }

    static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String sha256Hex(String value) throws Exception {
        return java.util.HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
