package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * The console's sign-in with the gateway as its backend for frontend: the browser gets a session cookie, never a
 * token; the auth server's side is a stub that answers the token endpoint (the real flow is the console's browser
 * tests'). What the browser sees is asserted: redirects, cookies, problems; and what the service receives.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class ConsoleSignInIntegrationTest {

    private static final StubService CASE_SERVICE = StubService.start();
    private static final StubAuthServer AUTH = StubAuthServer.start();
    private static final String SESSION = "TANCHANG_SESSION";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.case-service[0].uri", CASE_SERVICE::uri);
        TrustedTestTokens.register(registry);
        registry.add("tanchang.gateway.console.issuer", () -> StubAuthServer.ISSUER);
        registry.add("tanchang.gateway.console.token-uri", () -> AUTH.uri() + "/token");
        registry.add("tanchang.gateway.console.jwk-set-uri", () -> AUTH.uri() + "/jwks");
    }

    @AfterAll
    static void stop() {
        CASE_SERVICE.close();
        AUTH.close();
    }

    @LocalServerPort
    int port;

    private WebTestClient browser() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void withoutASessionTheConsolesCallsAre401ProblemsAndAPostWithoutTheCsrfHeaderIsA403Problem() {
        EntityExchangeResult<byte[]> user = browser().get().uri("/bff/user").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.LOCATION)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("Sign in first: there is no signed-in session")
                .jsonPath("$.instance").isEqualTo("/bff/user")
                .returnResult();
        // the page's script reads the CSRF token from its first answer, signed in or not
        ResponseCookie csrf = user.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).isFalse();
        assertThat(csrf.isSecure()).isTrue();
        assertThat(csrf.getSameSite()).isEqualTo("Lax");
        // nobody gets a session (memory in the gateway) before starting to sign in
        assertThat(user.getResponseCookies().getFirst(SESSION)).isNull();

        // an API call with a session cookie that names no session: a 401 problem, nothing reaches the service
        browser().get().uri("/api/incidents/stale-session").cookie(SESSION, "no-such-session").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:unauthorized");
        browser().post().uri("/api/incidents/no-csrf").cookie(SESSION, "no-such-session")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:forbidden")
                .jsonPath("$.detail").isEqualTo("The request lacks the X-XSRF-TOKEN header matching the XSRF-TOKEN cookie");
        assertThat(CASE_SERVICE.lastHeaders("/api/incidents/stale-session")).isNull();
        assertThat(CASE_SERVICE.lastHeaders("/api/incidents/no-csrf")).isNull();

        // a bearer client that happens to carry the cookie is the bearer chain's, exactly as before
        String token = TestUsers.supervisor(TestUsers.COUNTY);
        browser().post().uri("/api/incidents/bearer").cookie(SESSION, "no-such-session")
                .header(HttpHeaders.AUTHORIZATION, TrustedTestTokens.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        assertThat(CASE_SERVICE.lastHeaders("/api/incidents/bearer").getFirst(HttpHeaders.AUTHORIZATION))
                .isEqualTo(TrustedTestTokens.bearer(token));
    }

    @Test
    void signingInSendsTheBrowserToTheAuthServerAsTheConsoleClientWithPkce() {
        EntityExchangeResult<Void> start = browser().get().uri("/oauth2/authorization/tanchang").exchange()
                .expectStatus().isFound().expectBody().isEmpty();
        URI authorize = start.getResponseHeaders().getLocation();
        Map<String, String> query = query(authorize);

        assertThat(authorize.toString()).startsWith("http://localhost:9000/oauth2/authorize?");   // AUTH_PUBLIC_URL
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", "tanchang-console")
                .containsEntry("scope", "openid profile")
                .containsEntry("redirect_uri", "http://localhost:" + port + "/login/oauth2/code/tanchang")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        ResponseCookie session = start.getResponseCookies().getFirst(SESSION);
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
    }

    @Test
    void aSignedInPersonSeesWhoTheyAreTheirCallsCarryTheirRefreshedTokenAndLogoutEndsTheSession() {
        EntityExchangeResult<Void> start = browser().get().uri("/oauth2/authorization/tanchang").exchange()
                .expectStatus().isFound().expectBody().isEmpty();
        Map<String, String> authorize = query(start.getResponseHeaders().getLocation());
        String before = start.getResponseCookies().getFirst(SESSION).getValue();
        AUTH.expectNonce(authorize.get("nonce"));
        AUTH.firstAccessTokenLives(30);   // within the 60 s clock skew: the first relay refreshes it
        int tokenRequestsBefore = AUTH.tokenRequests().size();

        // the auth server's redirect back, as the browser follows it
        EntityExchangeResult<Void> callback = browser().get()
                .uri(b -> b.path("/login/oauth2/code/tanchang").queryParam("code", "code-1")
                        .queryParam("state", "{state}").build(authorize.get("state")))
                .cookie(SESSION, before).exchange()
                .expectStatus().isFound()
                .expectHeader().location("/console/")
                .expectBody().isEmpty();
        String session = callback.getResponseCookies().getFirst(SESSION).getValue();
        assertThat(session).as("a new session id after sign-in").isNotEqualTo(before);
        Map<String, String> exchange = AUTH.tokenRequests().get(tokenRequestsBefore);
        assertThat(exchange).containsEntry("grant_type", "authorization_code").containsEntry("code", "code-1")
                .containsEntry("redirect_uri", "http://localhost:" + port + "/login/oauth2/code/tanchang")
                .containsKey("code_verifier");
        assertThat(AUTH.clientAuthentications().get(tokenRequestsBefore))
                .isEqualTo("tanchang-console:tanchang-console-secret");

        EntityExchangeResult<String> user = browser().get().uri("/bff/user").cookie(SESSION, session).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult();
        assertThat(user.getResponseBody()).isEqualTo("{\"username\":\"member.yangjia\",\"name\":\"李德明（杨家村网格员）\","
                + "\"roles\":[\"GRID_MEMBER\"],\"scopeCodes\":[\"621223101001001\",\"621223101001002\"]}");
        String csrf = user.getResponseCookies().getFirst("XSRF-TOKEN").getValue();

        // the service gets the person's access token, renewed by the refresh token as it expires
        browser().get().uri("/api/incidents/mine").cookie(SESSION, session).exchange().expectStatus().isOk();
        assertThat(CASE_SERVICE.lastHeaders("/api/incidents/mine").getFirst(HttpHeaders.AUTHORIZATION))
                .isEqualTo("Bearer access-" + (tokenRequestsBefore + 2));
        assertThat(AUTH.tokenRequests().get(tokenRequestsBefore + 1)).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "refresh-" + (tokenRequestsBefore + 1));
        browser().post().uri("/api/incidents/reported").cookie(SESSION, session).cookie("XSRF-TOKEN", csrf)
                .header("X-XSRF-TOKEN", csrf).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        assertThat(CASE_SERVICE.lastHeaders("/api/incidents/reported").getFirst(HttpHeaders.AUTHORIZATION))
                .isEqualTo("Bearer access-" + (tokenRequestsBefore + 2));
        assertThat(AUTH.tokenRequests()).hasSize(tokenRequestsBefore + 2);

        // logout: CSRF-checked, then the auth server ends its own session and sends the browser back to the console
        browser().post().uri("/logout").cookie(SESSION, session).exchange()
                .expectStatus().isForbidden();
        URI endSession = browser().post().uri("/logout").cookie(SESSION, session).cookie("XSRF-TOKEN", csrf)
                .header("X-XSRF-TOKEN", csrf).exchange()
                .expectStatus().isFound().expectBody().isEmpty().getResponseHeaders().getLocation();
        assertThat(endSession.toString()).startsWith("http://localhost:9000/connect/logout?");
        assertThat(query(endSession)).containsEntry("post_logout_redirect_uri", "http://localhost:" + port + "/console/")
                .containsKey("id_token_hint");
        browser().get().uri("/bff/user").cookie(SESSION, session).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theGatewaysAddressOpensTheConsoleWhosePagesHaveAContentSecurityPolicy() {
        browser().get().uri("/").exchange()
                .expectStatus().isFound()
                .expectHeader().location("/console/");
        // the console is not running here: its route's fallback answers, with the console's headers
        browser().get().uri("/console/").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:;"
                        + " connect-src 'self'; frame-ancestors 'none'; manifest-src 'self'; worker-src 'self';"
                        + " object-src 'none'; base-uri 'self'")
                .expectCookie().doesNotExist(SESSION)
                .expectBody().jsonPath("$.service").isEqualTo("console");
        assertThat(SecurityHeadersFilter.tileSource("https://t{s}.tianditu.gov.cn/img_w/wmts?x={x}&y={y}&l={z}"))
                .isEqualTo("https://*.tianditu.gov.cn");
        assertThat(SecurityHeadersFilter.tileSource("http://tiles.local:8090/{z}/{x}/{y}.png"))
                .isEqualTo("http://tiles.local:8090");
    }

    private static Map<String, String> query(URI uri) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> java.net.URLDecoder.decode(e.getValue(), StandardCharsets.UTF_8)));
    }
}
