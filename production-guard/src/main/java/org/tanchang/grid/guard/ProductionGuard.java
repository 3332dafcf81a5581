package org.tanchang.grid.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Under the {@value #PROFILE} profile ({@code SPRING_PROFILES_ACTIVE=production}), refuses to start while a setting
 * is still its public development secret: a {@code ${VARIABLE:default}} of a configuration file whose
 * {@link SettingKind#SECRET} default is in effect, because the variable is not set or is set to that same value.
 * Without the profile nothing is checked: local runs and tests keep working on the development keys.
 *
 * <p>Which settings are secrets is read from the configuration files themselves (every YAML property source: the
 * application's {@code application*.yml} and the platform's {@code tanchang-platform-defaults.yml}), not listed
 * here, so a secret added to any of them is guarded the day it is added. Runs once the environment is complete
 * (after every {@code EnvironmentPostProcessor}, the platform defaults included) and before any bean exists, so a
 * refused process has touched nothing. Registered in {@code META-INF/spring.factories} of this jar.
 */
public class ProductionGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** The profile of every real deployment (compose, the Kubernetes production overlay). */
    public static final String PROFILE = "production";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.matchesProfiles(PROFILE)) {
            return;
        }
        List<DevelopmentSecret> found = check(environment);
        if (!found.isEmpty()) {
            throw new DevelopmentSecretsException(found);
        }
    }

    /** Every secret setting of the environment's configuration files that still has its development value. */
    public static List<DevelopmentSecret> check(ConfigurableEnvironment environment) {
        Map<String, DevelopmentSecret> found = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof OriginTrackedMapPropertySource file)) {
                continue;   // only configuration files declare defaults; env, system properties and arguments set values
            }
            List<Setting> settings = new ArrayList<>();
            for (String property : file.getPropertyNames()) {
                if (file.getProperty(property) instanceof String raw) {
                    Placeholder.in(raw).forEach(p -> settings.add(new Setting(property, raw, p, file.getOrigin(property))));
                }
            }
            List<Placeholder> around = settings.stream().map(Setting::placeholder).toList();
            for (Setting setting : settings) {
                Placeholder placeholder = setting.placeholder();
                if (SettingKind.of(placeholder, around).orElse(null) != SettingKind.SECRET
                        || found.containsKey(placeholder.variable())) {
                    continue;
                }
                // the value the process will use: the development one unless the variable or the property is set
                String effective = environment.getProperty(setting.property());
                boolean development = setting.raw().strip().equals("${" + placeholder.variable() + ":" + placeholder.defaultValue() + "}")
                        ? Objects.equals(effective, placeholder.defaultValue())
                        : placeholder.defaultValue().equals(environment.getProperty(placeholder.variable()));
                if (development) {
                    found.put(placeholder.variable(), new DevelopmentSecret(placeholder.variable(), setting.property(),
                            environment.getProperty(placeholder.variable()) != null,
                            setting.origin() == null ? file.getName() : setting.origin().toString(),
                            SettingKind.howToGenerate(placeholder)));
                }
            }
        }
        return List.copyOf(found.values());
    }

    private record Setting(String property, String raw, Placeholder placeholder, Origin origin) {
    }

    /**
     * A secret setting that still has its public development value.
     *
     * @param variable   the environment variable to set, e.g. {@code PERSONAL_DATA_KEY}
     * @param property   the property it feeds, e.g. {@code tanchang.personal-data.key}
     * @param set        whether the variable is set (to the development value) or missing
     * @param declaredIn where the development default is written (file and line)
     * @param generate   how to make a value of one's own
     */
    public record DevelopmentSecret(String variable, String property, boolean set, String declaredIn, String generate) {

        /** One line naming the variable: what the error says. */
        public String describe() {
            return variable + (set ? " is set to" : " is not set, so " + property + " is")
                    + " the public development value from " + declaredIn
                    + "; set " + variable + " to a secret of your own (" + generate + ")";
        }
    }

    /** After the environment is complete (every post-processor has run, also one ordered last). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
