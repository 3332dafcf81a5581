package org.tanchang.grid.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingKindTest {

    @Test
    void placeholdersAreFoundAlsoNestedAndOnlyForEnvironmentVariables() {
        assertThat(Placeholder.in("${spring.application.name}:${EUREKA_INSTANCE_HOSTNAME:localhost}:${server.port}"))
                .containsExactly(new Placeholder("EUREKA_INSTANCE_HOSTNAME", "localhost"));
        assertThat(Placeholder.in("${A_URI:${B_HOST:localhost}:9000}"))
                .containsExactly(new Placeholder("A_URI", "${B_HOST:localhost}:9000"), new Placeholder("B_HOST", "localhost"));
        assertThat(Placeholder.in("${NO_DEFAULT}")).containsExactly(new Placeholder("NO_DEFAULT", null));
        assertThat(Placeholder.in("mongodb://${HOST:localhost:27017}/x")).containsExactly(new Placeholder("HOST", "localhost:27017"));
        assertThat(Placeholder.in("plain")).isEmpty();
    }

    @Test
    void addressesPointAtThisMachine() {
        for (String local : List.of("http://localhost:9000/oauth2/jwks", "localhost:9092", "mongodb://localhost:27017",
                "localhost", "http://127.0.0.1:8761/eureka/", "http://example.org,http://localhost:3000")) {
            assertThat(kind("SOME_URI", local)).as(local).isEqualTo(SettingKind.ADDRESS);
        }
        for (String elsewhere : List.of("kafka:9092", "http://localhost.example.org/", "classpath:demo/x.json", ".*", "8080")) {
            assertThat(kind("SOME_URI", elsewhere)).as(elsewhere).isNull();
        }
    }

    @Test
    void secretsAreNamedSoAndHaveADefault() {
        assertThat(kind("PERSONAL_DATA_KEY", "jCec2NRLipFt/uBO/tJHYj+8exAeB88lnw5mVNtP0B0=")).isEqualTo(SettingKind.SECRET);
        assertThat(kind("AUTH_CLI_SECRET", "tanchang-cli-secret")).isEqualTo(SettingKind.SECRET);
        assertThat(kind("AUTH_DEMO_PASSWORD", "tanchang-demo")).isEqualTo(SettingKind.SECRET);
        assertThat(kind("SMS_GATEWAY_KEY", "")).as("no default, nothing public").isNull();
        assertThat(kind("MONKEY", "x")).as("a word that merely ends in KEY").isNull();
        assertThat(kind("AUTH_SIGNING_KEY_ROTATE_AFTER", "90d")).isNull();

        Placeholder key = new Placeholder("PERSONAL_DATA_KEY", "abc");
        Placeholder keyId = new Placeholder("PERSONAL_DATA_KEY_ID", "dev-not-secret");
        Placeholder kid = new Placeholder("AUTH_SIGNING_KEY_ID", "tanchang-auth-1");
        assertThat(SettingKind.of(keyId, List.of(key, keyId, kid))).as("the id of a development key").contains(SettingKind.SECRET);
        assertThat(SettingKind.of(kid, List.of(key, keyId, kid))).as("an id with no development key beside it").isEmpty();
    }

    @Test
    void theAdviceFitsTheSecret() {
        assertThat(SettingKind.howToGenerate(new Placeholder("K_KEY", "jCec2NRLipFt/uBO/tJHYj+8exAeB88lnw5mVNtP0B0=")))
                .isEqualTo("openssl rand -base64 32");
        assertThat(SettingKind.howToGenerate(new Placeholder("C_SECRET", "c-secret"))).isEqualTo("openssl rand -hex 24");
        assertThat(SettingKind.howToGenerate(new Placeholder("K_KEY_ID", "dev"))).startsWith("a key id of your own");
    }

    private static SettingKind kind(String variable, String defaultValue) {
        Placeholder p = new Placeholder(variable, defaultValue);
        return SettingKind.of(p, List.of(p)).orElse(null);
    }
}
