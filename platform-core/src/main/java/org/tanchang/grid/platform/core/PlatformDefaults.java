package org.tanchang.grid.platform.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the suite's shared base configuration ({@code tanchang-platform-defaults.yml}) with the lowest precedence,
 * so a service's own application.yml is a short overlay and environment variables still win over both.
 * (A {@code spring.config.import} would take precedence over the importing file, the opposite of what we want.)
 */
class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "tanchang-platform-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader().load("tanchangPlatformDefaults", new ClassPathResource(RESOURCE))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
