package org.tanchang.grid.platform.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.tanchang.grid.platform.time.Times;

/**
 * Adds the suite's shared base configuration with the lowest precedence, so a service's own application.yml is a
 * short overlay and environment variables still win over both: the services' {@code tanchang-platform-defaults.yml}
 * (in the platform module, so only where it is on the classpath) before the core's {@code tanchang-core-defaults.yml},
 * which every process of the suite has. (A {@code spring.config.import} would take precedence over the importing
 * file, the opposite of what we want.) Then {@code tanchang.zone}, configured nowhere else, becomes {@link Times}'
 * zone before any bean is made.
 */
class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "tanchang-platform-defaults.yml";
    static final String CORE_RESOURCE = "tanchang-core-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (String name : List.of(RESOURCE, CORE_RESOURCE)) {
            ClassPathResource resource = new ClassPathResource(name);
            if (!resource.exists()) {
                continue;
            }
            try {
                new YamlPropertySourceLoader().load(name.equals(RESOURCE) ? "tanchangPlatformDefaults"
                                : "tanchangCoreDefaults", resource)
                        .forEach(source -> environment.getPropertySources().addLast(source));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        Times.useZone(ZoneId.of(environment.getRequiredProperty("tanchang.zone")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
