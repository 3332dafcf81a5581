package org.tanchang.grid.system.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.guard.SettingKind;
import org.tanchang.grid.system.deploy.RequiredSettings.RequiredSetting;

/**
 * The derivation finds what a reader of the configuration files finds: the settings that are known to matter (the
 * token keys' address the services read from the platform defaults, the personal-data keys, the auth server's
 * secrets), and nothing that works anywhere (ports, durations). Prints the whole list: the deployments' checklist.
 */
class RequiredSettingsTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final List<String> SERVICES =
            List.of("grid-service", "case-service", "mediation-service", "petition-service", "notification-service");

    @Test
    void everySpringBootProcessIsFoundAndItsSettingsAreDerived() {
        List<RequiredSetting> all = RequiredSettings.all(ROOT);
        all.forEach(s -> System.out.println(s.module() + "\t" + s.kind() + "\t" + s.variable() + "\t" + s.defaultValue()
                + "\t" + s.property() + "\t" + s.file()));

        assertThat(RequiredSettings.springBootModules(ROOT)).containsExactlyInAnyOrder("registry", "auth-server", "gateway",
                "console", "grid-service", "case-service", "mediation-service", "petition-service", "notification-service");
        Map<String, Set<String>> byModule = RequiredSettings.byModule(ROOT);
        Map<String, Set<String>> secrets = RequiredSettings.byModule(ROOT, SettingKind.SECRET);
        for (String service : SERVICES) {
            // from tanchang-platform-defaults.yml, which no service's own application.yml mentions
            assertThat(byModule.get(service)).as(service).contains("AUTH_JWKS_URI", "AUTH_ISSUER", "AUTH_PUBLIC_URL",
                    "MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS", "EUREKA_URI", "EUREKA_INSTANCE_HOSTNAME");
            assertThat(secrets.get(service)).as(service)
                    .containsExactlyInAnyOrder("PERSONAL_DATA_KEY", "PERSONAL_DATA_HASH_KEY", "PERSONAL_DATA_KEY_ID");
        }
        assertThat(secrets.get("auth-server")).containsExactlyInAnyOrder("AUTH_KEY_ENCRYPTION_KEY", "AUTH_CLI_SECRET",
                "AUTH_MARKET_SUPERVISION_SECRET", "AUTH_CONSOLE_SECRET", "AUTH_DEMO_PASSWORD", "PERSONAL_DATA_HASH_KEY");
        assertThat(byModule.get("gateway")).contains("AUTH_JWKS_URI", "AUTH_ISSUER", "EUREKA_URI", "GATEWAY_CORS_ORIGINS",
                "AUTH_PUBLIC_URL", "AUTH_TOKEN_URI");
        // the gateway signs the console's people in as a confidential client (issue 19): that secret is its only one
        assertThat(secrets.get("gateway")).containsExactly("AUTH_CONSOLE_SECRET");
        assertThat(secrets).as("the registry holds no secret of its own").doesNotContainKey("registry");
        // the console: Kafka for its feed, the registries, the token keys; no database, no key of its own
        assertThat(byModule.get("console")).contains("KAFKA_BOOTSTRAP_SERVERS", "EUREKA_URI", "EUREKA_INSTANCE_HOSTNAME",
                "AUTH_JWKS_URI", "AUTH_ISSUER").doesNotContain("MONGODB_URI");
        assertThat(secrets).as("the console holds no secret").doesNotContainKey("console");
        assertThat(byModule.get("registry")).containsExactly("EUREKA_INSTANCE_HOSTNAME");

        assertThat(all).filteredOn(s -> s.module().equals("grid-service") && s.variable().equals("AUTH_JWKS_URI"))
                .singleElement().satisfies(s -> {
                    assertThat(s.kind()).isEqualTo(SettingKind.ADDRESS);
                    assertThat(s.defaultValue()).isEqualTo("http://localhost:9000/oauth2/jwks");
                    assertThat(s.property()).isEqualTo("spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
                    assertThat(s.file()).isEqualTo("platform/src/main/resources/tanchang-platform-defaults.yml");
                });
        assertThat(all).extracting(RequiredSetting::variable).as("settings that work anywhere")
                .doesNotContain("GRID_SERVICE_PORT", "MONGODB_DATABASE", "KAFKA_REPLICATION_FACTOR", "SMS_GATEWAY_KEY",
                        "AUTH_SIGNING_KEY_ID", "AUTH_SEED_DEMO_USERS", "GATEWAY_TRUSTED_PROXIES");
    }
}
