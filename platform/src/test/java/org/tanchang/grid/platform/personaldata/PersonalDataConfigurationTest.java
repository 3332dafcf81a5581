package org.tanchang.grid.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/** The beans as a service gets them: from the shared defaults file, overridable like any property. */
class PersonalDataConfigurationTest {

    private final ApplicationContextRunner runner = platformDefaults();

    /** Loads the platform defaults the way PlatformDefaults does, without starting a whole application. */
    static ApplicationContextRunner platformDefaults() {
        return new ApplicationContextRunner()
                .withInitializer(context -> {
                    try {
                        new YamlPropertySourceLoader().load("defaults", new ClassPathResource("tanchang-platform-defaults.yml"))
                                .forEach(source -> context.getEnvironment().getPropertySources().addLast(source));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .withUserConfiguration(PersonalDataConfiguration.class);
    }

    @Test
    void theDevelopmentKeyBringsTheBeansUp() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(PersonalData.class);
            assertThat(context.getBean(FieldCipher.class).activeKeyId())
                    .isEqualTo(PersonalDataConfiguration.DEVELOPMENT_KEY_ID);
            PersonalData data = context.getBean(PersonalData.class);
            ProtectedValue v = data.protect("resident.phone", "13800138000", Masker.MOBILE);
            assertThat(v.ciphertext()).startsWith("v1:dev-not-secret:");
            assertThat(data.reveal("resident.phone", v)).isEqualTo("13800138000");
        });
    }

    @Test
    void aSixteenByteKeyRefusesToStartWithAClearMessage() {
        runner.withPropertyValues("tanchang.personal-data.active-key=prod-1",
                        "tanchang.personal-data.key=" + Base64.getEncoder().encodeToString(new byte[16]))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("'prod-1' has 16 bytes").hasMessageContaining("exactly 32");
                });
    }

    @Test
    void noKeyRefusesToStart() {
        runner.withPropertyValues("tanchang.personal-data.key=", "tanchang.personal-data.active-key=prod-1")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'prod-1' is not configured"));
    }
}
