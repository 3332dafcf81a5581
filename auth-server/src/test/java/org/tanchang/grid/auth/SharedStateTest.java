package org.tanchang.grid.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanchang.grid.auth.OAuthTestClient.json;
import static org.tanchang.grid.auth.OAuthTestClient.randomUrlSafe;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

/**
 * Several auth-server instances, one after another (a restart) or side by side, on one database: the signing key and
 * the authorizations (codes, refresh tokens) are the same for all of them.
 */
class SharedStateTest {

    private static final String PASSWORD = "pw-shared-5K";

    private final TestMongo mongo = new TestMongo();
    private final List<ConfigurableApplicationContext> running = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        running.forEach(ConfigurableApplicationContext::close);
        mongo.close();
    }

    @Test
    void tokensKeysAndRefreshTokensSurviveARestart() throws Exception {
        ConfigurableApplicationContext before = start();
        OAuthTestClient first = client(before);
        String verifier = randomUrlSafe(48);
        String code = first.authorize("member.yangjia", PASSWORD, OAuthTestClient.s256(verifier)).get("code");
        HttpResponse<String> exchanged = first.exchangeCode(code, verifier);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode tokens = json(exchanged);
        HttpResponse<String> machine = first.clientCredentials("market-supervision", "market-supervision-secret", "cases.read");
        assertThat(machine.statusCode()).isEqualTo(200);
        String kid = first.decoder().decode(tokens.get("access_token").asString()).getHeaders().get("kid").toString();
        before.close();

        ConfigurableApplicationContext after = start();
        OAuthTestClient second = client(after);
        Jwt person = second.decoder().decode(tokens.get("access_token").asString());
        assertThat(person.getSubject()).isEqualTo("member.yangjia");
        assertThat(second.decoder().decode(json(machine).get("access_token").asString()).getSubject())
                .isEqualTo("market-supervision");

        HttpResponse<String> refreshed = second.refresh(tokens.get("refresh_token").asString(), "tanchang-app");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Jwt renewed = second.decoder().decode(json(refreshed).get("access_token").asString());
        assertThat(renewed.getClaimAsStringList("scope_codes")).containsExactly("621223101001001", "621223101001002");
        assertThat(renewed.getHeaders()).containsEntry("kid", kid);
        // still single use after the restart
        assertThat(second.refresh(tokens.get("refresh_token").asString(), "tanchang-app").statusCode()).isEqualTo(400);
        assertThat(second.clientCredentials("market-supervision", "market-supervision-secret", "cases.read").statusCode())
                .isEqualTo(200);

        // the private key is stored, but not in plaintext
        RSAKey key = (RSAKey) signingKeys(after).get(0);
        assertThat(key.getKeyID()).isEqualTo(kid);
        String stored = mongo.template().getCollection("signing_keys").find().into(new java.util.ArrayList<Document>())
                .toString();
        assertThat(stored).contains(kid)
                .doesNotContain(Base64.getEncoder().encodeToString(key.toRSAPrivateKey().getEncoded()))
                .doesNotContain(key.getPrivateExponent().toString());
    }

    @Test
    void instancesSideBySidePublishOneKeyAndShareCodesAndRefreshTokens() throws Exception {
        // both start on an empty database at once: one creates the key, the other reads it
        // (Boot's logging set-up is not safe for two applications starting at once in one JVM, which real instances
        // never do: it is switched off for these two, so only the key creation races, as it should)
        String logging = System.setProperty(org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY,
                org.springframework.boot.logging.LoggingSystem.NONE);
        OAuthTestClient instanceA;
        OAuthTestClient instanceB;
        try {
            CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(this::start);
            CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(this::start);
            instanceA = client(a.join());
            instanceB = client(b.join());
        } finally {
            if (logging == null) {
                System.clearProperty(org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY, logging);
            }
        }

        JsonNode jwksA = json(instanceA.get("/oauth2/jwks"));
        assertThat(jwksA.get("keys")).hasSize(1);
        assertThat(json(instanceB.get("/oauth2/jwks"))).isEqualTo(jwksA);
        assertThat(mongo.template().getCollection("signing_keys").countDocuments()).isEqualTo(1);

        HttpResponse<String> machine = instanceA.clientCredentials("tanchang-cli", "tanchang-cli-secret", "grid.read");
        assertThat(machine.statusCode()).isEqualTo(200);
        assertThat(instanceB.decoder().decode(json(machine).get("access_token").asString()).getClaimAsStringList("roles"))
                .containsExactly("SYSTEM");

        // signed in at A, code exchanged at B, refreshed at A
        String verifier = randomUrlSafe(48);
        String code = instanceA.authorize("officer.lichuan", PASSWORD, OAuthTestClient.s256(verifier)).get("code");
        HttpResponse<String> exchanged = instanceB.exchangeCode(code, verifier);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        HttpResponse<String> refreshed = instanceA.refresh(json(exchanged).get("refresh_token").asString(), "tanchang-app");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(instanceB.decoder().decode(json(refreshed).get("access_token").asString()).getSubject())
                .isEqualTo("officer.lichuan");
    }

    private ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthServerApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + mongo.uri(),
                "--eureka.client.enabled=false",
                "--tanchang.auth.issuer=http://auth.test",
                "--tanchang.auth.demo-password=" + PASSWORD);
        synchronized (running) {
            running.add(context);
        }
        return context;
    }

    private static OAuthTestClient client(ConfigurableApplicationContext context) {
        return new OAuthTestClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    @SuppressWarnings("unchecked")
    private static List<JWK> signingKeys(ConfigurableApplicationContext context) throws Exception {
        return context.getBean(JWKSource.class).get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    }
}
