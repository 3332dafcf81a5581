package org.tanchang.grid.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A real start of a Spring Boot application (no beans of its own) on {@code guard-test.yml}, as a process starts:
 * variables are given as command-line properties, which resolve placeholders exactly as environment variables do.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionGuardTest {

    static final String OWN_KEY = "q1mXr5v0fJ3v4nq8cKQJ0mJcK1bq7mQp8o1gWw0x3Zs=";

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void withoutTheProductionProfileTheDevelopmentSecretsStart() {
        try (ConfigurableApplicationContext context = start(null)) {
            assertThat(context.getEnvironment().getProperty("demo.client-secret")).isEqualTo("demo-client-secret");
        }
    }

    @Test
    void theProductionProfileRefusesEveryDevelopmentSecretAndNamesItsVariable(CapturedOutput output) {
        assertThatThrownBy(() -> start("production"))
                .isInstanceOf(DevelopmentSecretsException.class)
                .satisfies(e -> assertThat(((DevelopmentSecretsException) e).secrets())
                        .extracting(ProductionGuard.DevelopmentSecret::variable)
                        .containsExactlyInAnyOrder("DEMO_DATA_KEY", "DEMO_DATA_KEY_ID", "DEMO_CLIENT_SECRET"))
                .hasMessageContaining("DEMO_DATA_KEY is not set, so demo.key is the public development value from "
                        + "class path resource [guard-test.yml]")
                .hasMessageContaining("set DEMO_DATA_KEY to a secret of your own (openssl rand -base64 32)")
                .hasMessageContaining("set DEMO_CLIENT_SECRET to a secret of your own (openssl rand -hex 24)");
        // what an operator reads in the log: Boot's failure report, not a stack trace
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("DEMO_DATA_KEY_ID is not set")
                .contains("deploy/compose.env.example");
    }

    @Test
    void aVariableSetToTheDevelopmentValueIsRefusedToo() {
        assertThatThrownBy(() -> start("production", "--DEMO_DATA_KEY=jCec2NRLipFt/uBO/tJHYj+8exAeB88lnw5mVNtP0B0=",
                "--DEMO_DATA_KEY_ID=prod-1", "--DEMO_CLIENT_SECRET=an-own-secret"))
                .isInstanceOf(DevelopmentSecretsException.class)
                .hasMessageContaining("DEMO_DATA_KEY is set to the public development value")
                .hasMessageNotContaining("DEMO_CLIENT_SECRET");
    }

    @Test
    void ownSecretsStartAlsoWhenThePropertyIsSetByItsOwnName() {
        try (ConfigurableApplicationContext context = start("production", "--DEMO_DATA_KEY=" + OWN_KEY,
                "--DEMO_DATA_KEY_ID=prod-1", "--demo.client-secret=set-by-property-name")) {
            assertThat(context.getEnvironment().getProperty("demo.key")).isEqualTo(OWN_KEY);
            assertThat(context.getEnvironment().getProperty("demo.url")).as("addresses are not the guard's business")
                    .isEqualTo("http://localhost:9000");
        }
    }

    private static ConfigurableApplicationContext start(String profile, String... variables) {
        List<String> args = new ArrayList<>(List.of(variables));
        args.add("--spring.config.name=guard-test");
        if (profile != null) {
            args.add("--spring.profiles.active=" + profile);
        }
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }
}
