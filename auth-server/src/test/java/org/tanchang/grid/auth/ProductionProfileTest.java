package org.tanchang.grid.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tanchang.grid.guard.DevelopmentSecretsException;
import org.tanchang.grid.guard.ProductionGuard;

/**
 * The auth server under the production profile (SPRING_PROFILES_ACTIVE=production): its public development secrets
 * (the key sealing the signing keys, the seeded clients' secrets, the demo users' password) refuse the start; its own
 * secrets start it, and then only they are accepted. Variables are given as command-line properties, which resolve
 * the placeholders of application.yml as environment variables do.
 */
class ProductionProfileTest {

    private final TestMongo mongo = new TestMongo();
    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        mongo.close();
    }

    @Test
    void theDevelopmentSecretsAreRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> start())
                .isInstanceOf(DevelopmentSecretsException.class)
                .satisfies(e -> assertThat(((DevelopmentSecretsException) e).secrets())
                        .extracting(ProductionGuard.DevelopmentSecret::variable)
                        .containsExactlyInAnyOrder("AUTH_KEY_ENCRYPTION_KEY", "AUTH_CLI_SECRET",
                                "AUTH_MARKET_SUPERVISION_SECRET", "AUTH_CONSOLE_SECRET", "AUTH_DEMO_PASSWORD",
                                "PERSONAL_DATA_HASH_KEY"))
                .hasMessageContaining("AUTH_KEY_ENCRYPTION_KEY is not set, so tanchang.auth.signing-key.encryption-key "
                        + "is the public development value from class path resource [application.yml]")
                .hasMessageContaining("set AUTH_KEY_ENCRYPTION_KEY to a secret of your own (openssl rand -base64 32)")
                .hasMessageContaining("set AUTH_MARKET_SUPERVISION_SECRET to a secret of your own (openssl rand -hex 24)");
        assertThat(mongo.template().getCollectionNames()).as("nothing was written").isEmpty();
    }

    @Test
    void ownSecretsStartItAndTheDevelopmentClientSecretNoLongerSignsIn() throws Exception {
        running = start("--AUTH_KEY_ENCRYPTION_KEY=q1mXr5v0fJ3v4nq8cKQJ0mJcK1bq7mQp8o1gWw0x3Zs=",
                "--AUTH_CLI_SECRET=own-cli-7f3K2x", "--AUTH_MARKET_SUPERVISION_SECRET=own-market-Q8w2",
                "--AUTH_CONSOLE_SECRET=own-console-Z3r9",
                "--AUTH_DEMO_PASSWORD=own-demo-P4s",
                "--PERSONAL_DATA_HASH_KEY=9JxQ2mKcV4pW7sT1bN8rY3eU6hA0fD5gL2kZ4xC7vB0=");
        OAuthTestClient client = new OAuthTestClient(running.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

        HttpResponse<String> own = client.clientCredentials("market-supervision", "own-market-Q8w2", "cases.read");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        HttpResponse<String> development = client.clientCredentials("market-supervision", "market-supervision-secret", "cases.read");
        assertThat(development.statusCode()).isEqualTo(401);
    }

    private ConfigurableApplicationContext start(String... secrets) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=production", "--server.port=0",
                "--spring.mongodb.uri=" + mongo.uri(), "--eureka.client.enabled=false", "--tanchang.auth.issuer=http://auth.test"));
        args.addAll(List.of(secrets));
        return new SpringApplicationBuilder(AuthServerApplication.class).run(args.toArray(String[]::new));
    }
}
