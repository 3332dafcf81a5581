package org.tanchang.grid.platform.test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A stand-in for the auth server in tests: an RS256 key published at a local JWKS URL, and tokens in the auth
 * server's shape (roles, scope_codes) signed by it, by a forger's key of the same id, expired, or of another issuer.
 */
public final class TestTokens implements AutoCloseable {

    public static final String ISSUER = "http://auth.test";

    /** The read scope of every domain (as {@code org.tanchang.grid.platform.security.Scopes#READ}). */
    public static final List<String> READ_SCOPES = List.of("grid.read", "cases.read", "mediation.read",
            "petition.read", "notifications.read");
    /** The write scope of every domain. */
    public static final List<String> WRITE_SCOPES = List.of("grid.write", "cases.write", "mediation.write",
            "petition.write", "notifications.write");

    private final RSAKey key = generate();
    private final RSAKey forger = generate();
    private final HttpServer jwks;

    private TestTokens(HttpServer jwks) {
        this.jwks = jwks;
    }

    private static TestTokens shared;

    /** The one stand-in auth server of this test JVM, which every {@link ServiceIntegrationTest} context trusts. */
    public static synchronized TestTokens shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-jwks-stop"));
        }
        return shared;
    }

    /** Starts the JWKS endpoint on a free local port. */
    public static TestTokens start() {
        try {
            TestTokens tokens = new TestTokens(HttpServer.create(new InetSocketAddress("localhost", 0), 0));
            byte[] body = new JWKSet(tokens.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            tokens.jwks.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            tokens.jwks.start();
            return tokens;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test JWKS endpoint", e);
        }
    }

    public String jwksUri() {
        return "http://localhost:" + jwks.getAddress().getPort() + "/oauth2/jwks";
    }

    /** A valid token for {@code subject} with one role and one area code, 10 minutes to live. */
    public String valid(String subject, String role, String areaCode) {
        return token(subject, List.of(role), areaCode == null ? List.of() : List.of(areaCode));
    }

    /** A valid token with any roles and area codes (a citizen has none), 10 minutes to live. */
    public String token(String subject, List<String> roles, List<String> scopeCodes) {
        return token(subject, roles, scopeCodes, List.of());
    }

    /** A valid token that also carries OAuth scopes ({@code scope}), as a client-credentials token does. */
    public String token(String subject, List<String> roles, List<String> scopeCodes, List<String> clientScopes) {
        return sign(key, subject, ISSUER, Instant.now().plusSeconds(600), roles, scopeCodes, clientScopes,
                clientScopes.isEmpty() ? "tanchang-app" : subject);
    }

    /**
     * A system's client-credentials token: role SYSTEM, the client's area codes, the granted scopes; the client id is
     * the subject, as the auth server issues it.
     */
    public String system(String clientId, List<String> clientScopes, String... areaCodes) {
        return sign(key, clientId, ISSUER, Instant.now().plusSeconds(600), List.of("SYSTEM"), List.of(areaCodes),
                clientScopes, clientId);
    }

    /**
     * A valid token whose display name (the {@code name} claim) differs from the subject, as the auth server's are
     * ({@code officer.lichuan} / 王海); for asserting which of the two a response shows.
     */
    public String named(String subject, String name, List<String> roles, List<String> scopeCodes) {
        try {
            Instant expires = Instant.now().plusSeconds(600);
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER)
                    .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires))
                    .claim("roles", roles).claim("scope_codes", scopeCodes).claim("name", name)
                    .claim("client_id", "tanchang-app").build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String forged(String subject) {
        return sign(forger, subject, ISSUER, Instant.now().plusSeconds(600), List.of("ADMIN"), List.of("621223"),
                List.of(), "tanchang-app");
    }

    public String expired(String subject) {
        return sign(key, subject, ISSUER, Instant.now().minusSeconds(600), List.of("ADMIN"), List.of("621223"),
                List.of(), "tanchang-app");
    }

    public String fromOtherIssuer(String subject) {
        return sign(key, subject, "http://elsewhere.test", Instant.now().plusSeconds(600), List.of("ADMIN"),
                List.of("621223"), List.of(), "tanchang-app");
    }

    @Override
    public void close() {
        jwks.stop(0);
    }

    private static String sign(RSAKey key, String subject, String issuer, Instant expires, List<String> roles,
            List<String> scopeCodes, List<String> clientScopes, String clientId) {
        try {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                    .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires))
                    .claim("roles", roles).claim("scope_codes", scopeCodes).claim("name", subject)
                    .claim("client_id", clientId);
            if (!clientScopes.isEmpty()) {
                builder.claim("scope", clientScopes);
            }
            JWTClaimsSet claims = builder.build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("auth-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
