package org.tanchang.grid.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The auth server's token endpoint and keys as the gateway's sign-in uses them: a code (with its PKCE verifier) gives
 * an access token, a refresh token and an ID token for the nonce the test hands over; a refresh token gives the next
 * access token. What the gateway sent each time is kept for the test to look at. The browser's side (the login page)
 * is the test's: it calls the gateway's callback itself, as the auth server's redirect would.
 */
final class StubAuthServer implements AutoCloseable {

    static final String ISSUER = "http://auth.console.test";

    private final HttpServer server;
    private final RSAKey key;
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String nonce;
    /** Lifetime of the first access token: under the client's 60 s clock skew, so the first relay refreshes it. */
    private volatile long firstAccessTokenSeconds = 300;

    private StubAuthServer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
    }

    static StubAuthServer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("console-test").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            StubAuthServer stub = new StubAuthServer(server, key);
            server.createContext("/jwks", stub::jwks);
            server.createContext("/token", stub::token);
            server.start();
            return stub;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String uri() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void expectNonce(String nonce) {
        this.nonce = nonce;
    }

    void firstAccessTokenLives(long seconds) {
        this.firstAccessTokenSeconds = seconds;
    }

    List<Map<String, String>> tokenRequests() {
        return tokenRequests;
    }

    /** The HTTP Basic credentials of each token request, decoded ("client:secret"). */
    List<String> clientAuthentications() {
        return authorizations;
    }

    private void jwks(HttpExchange exchange) throws IOException {
        answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(form);
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(basic == null ? "" : new String(Base64.getDecoder().decode(basic.substring(6)),
                StandardCharsets.UTF_8));
        int n = tokenRequests.size();
        String body = switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> "{\"access_token\":\"access-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + firstAccessTokenSeconds + ",\"refresh_token\":\"refresh-" + n + "\",\"scope\":\"openid profile\","
                    + "\"id_token\":\"" + idToken() + "\"}";
            case "refresh_token" -> "{\"access_token\":\"access-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                    + "\"refresh_token\":\"refresh-" + n + "\",\"scope\":\"openid profile\"}";
            default -> null;
        };
        if (body == null) {
            answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
        } else {
            answer(exchange, 200, body);
        }
    }

    /** As the auth server's TokenClaims write it for a grid member signing in to the console. */
    private String idToken() {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("member.yangjia")
                    .audience("tanchang-console").claim("azp", "tanchang-console").claim("nonce", nonce)
                    .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(300)))
                    .claim("name", "李德明（杨家村网格员）").claim("roles", List.of("GRID_MEMBER"))
                    .claim("scope_codes", List.of("621223101001001", "621223101001002"))
                    .claim("client_id", "tanchang-console").claim("sid", "auth-session-1").build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
