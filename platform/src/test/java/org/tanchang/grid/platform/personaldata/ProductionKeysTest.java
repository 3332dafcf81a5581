package org.tanchang.grid.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tanchang.grid.guard.DevelopmentSecretsException;
import org.tanchang.grid.guard.ProductionGuard;

/**
 * Every service under the production profile (SPRING_PROFILES_ACTIVE=production) refuses the public personal-data keys
 * of tanchang-platform-defaults.yml and starts on keys of its own. A real Spring Boot start with the platform jar on
 * the class path (its defaults and the production guard come in as for a service), holding only the personal-data
 * beans; variables are given as command-line properties, which resolve placeholders as environment variables do.
 */
class ProductionKeysTest {

    static final String OWN_KEY = "q1mXr5v0fJ3v4nq8cKQJ0mJcK1bq7mQp8o1gWw0x3Zs=";
    static final String OWN_HASH_KEY = "Jm0k3Gv9Yw2b8qR1tZc6pXn4sLd7aUe5hFi0oKj2MvQ=";

    @Configuration(proxyBeanMethods = false)
    @Import(PersonalDataConfiguration.class)
    static class PersonalDataOnly {
    }

    @Test
    void theDevelopmentKeysAreRefusedNamingEachVariable() {
        assertThatThrownBy(() -> start("--spring.profiles.active=production"))
                .isInstanceOf(DevelopmentSecretsException.class)
                .satisfies(e -> assertThat(((DevelopmentSecretsException) e).secrets())
                        .extracting(ProductionGuard.DevelopmentSecret::variable)
                        .containsExactlyInAnyOrder("PERSONAL_DATA_KEY", "PERSONAL_DATA_HASH_KEY", "PERSONAL_DATA_KEY_ID"))
                .hasMessageContaining("PERSONAL_DATA_KEY is not set, so tanchang.personal-data.key is the public "
                        + "development value from class path resource [tanchang-platform-defaults.yml]")
                .hasMessageContaining("set PERSONAL_DATA_KEY to a secret of your own (openssl rand -base64 32)");
    }

    @Test
    void aKeyCopiedFromTheDefaultsIsRefusedAsWell() {
        assertThatThrownBy(() -> start("--spring.profiles.active=production", "--PERSONAL_DATA_KEY_ID=prod-1",
                "--PERSONAL_DATA_KEY=jCec2NRLipFt/uBO/tJHYj+8exAeB88lnw5mVNtP0B0=", "--PERSONAL_DATA_HASH_KEY=" + OWN_HASH_KEY))
                .isInstanceOf(DevelopmentSecretsException.class)
                .hasMessageContaining("PERSONAL_DATA_KEY is set to the public development value")
                .satisfies(e -> assertThat(((DevelopmentSecretsException) e).secrets()).hasSize(1));
    }

    @Test
    void ownKeysStartAndEncryptUnderTheirId() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=production",
                "--PERSONAL_DATA_KEY_ID=prod-1", "--PERSONAL_DATA_KEY=" + OWN_KEY, "--PERSONAL_DATA_HASH_KEY=" + OWN_HASH_KEY)) {
            PersonalData data = context.getBean(PersonalData.class);
            ProtectedValue phone = data.protect("resident.phone", "13800138000", Masker.MOBILE);
            assertThat(phone.ciphertext()).startsWith("v1:prod-1:");
            assertThat(data.reveal("resident.phone", phone)).isEqualTo("13800138000");
        }
    }

    @Test
    void withoutTheProfileTheDevelopmentKeysStillStartForLocalRuns() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(FieldCipher.class).activeKeyId()).isEqualTo(PersonalDataConfiguration.DEVELOPMENT_KEY_ID);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        return new SpringApplicationBuilder(PersonalDataOnly.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .run(all.toArray(String[]::new));
    }
}
