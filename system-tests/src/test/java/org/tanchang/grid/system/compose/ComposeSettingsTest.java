package org.tanchang.grid.system.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanchang.grid.guard.SettingKind;
import org.tanchang.grid.system.deploy.RequiredSettings;
import org.tanchang.grid.system.deploy.RequiredSettings.RequiredSetting;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml gives every Spring Boot process every address and secret it reads: the list is derived from the
 * processes' configuration files ({@link RequiredSettings}), not kept here, so a setting added to a service's
 * application.yml or to the platform defaults fails this test until compose gives it. Secrets come from the env file
 * ({@code .env}, example in {@code deploy/compose.env.example}), never from the compose file or a development default,
 * and every process runs with the production profile, which refuses the development keys.
 */
class ComposeSettingsTest {

    /** {@code ${VAR}}, {@code ${VAR:?message}} or {@code ${VAR?message}}: compose takes the value from the env file, with no fallback. */
    private static final Pattern FROM_ENV_FILE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?\\?[^}]*)?}");
    /** {@code ${VAR:-default}} or {@code ${VAR-default}}: a fallback written into the compose file. */
    private static final Pattern WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):?-([^}]*)}");

    static List<RequiredSetting> required;
    static Map<String, Object> services;

    @BeforeAll
    static void derive() throws IOException {
        required = RequiredSettings.all(ComposeFileTest.ROOT);
        services = ComposeFileTest.map(ComposeFileTest.readYaml(ComposeFileTest.COMPOSE_FILE).get("services"), "services");
    }

    @Test
    void everyAddressAndSecretEveryProcessReadsIsGiven() {
        assertThat(springServices(services).values()).as("compose services built from a module")
                .containsAll(RequiredSettings.springBootModules(ComposeFileTest.ROOT));
        List<String> problems = unset(services, required);
        assertThat(problems).withFailMessage("settings docker-compose.yml leaves to their local defaults:%n  %s",
                String.join("\n  ", problems)).isEmpty();
    }

    @Test
    void theCheckCatchesAServiceLeftToLookForTheTokenKeysOnLocalhost() throws IOException {
        // the bug compose had: only the gateway was given AUTH_JWKS_URI
        Map<String, Object> broken = ComposeFileTest.map(ComposeFileTest.readYaml(ComposeFileTest.COMPOSE_FILE).get("services"), "services");
        ComposeFileTest.map(ComposeFileTest.map(broken.get("grid-service"), "grid-service").get("environment"), "environment")
                .remove("AUTH_JWKS_URI");

        assertThat(unset(broken, required)).containsExactly("grid-service (module grid-service) does not set AUTH_JWKS_URI "
                + "(address): without it grid-service falls back to http://localhost:9000/oauth2/jwks "
                + "(spring.security.oauth2.resourceserver.jwt.jwk-set-uri in platform/src/main/resources/tanchang-platform-defaults.yml)");
    }

    @Test
    void everySecretComesFromTheEnvFileWithoutAFallback() throws IOException {
        List<String> problems = new ArrayList<>();
        springServices(services).forEach((service, module) -> {
            Map<String, String> environment = environment(services, service);
            required.stream().filter(s -> s.module().equals(module) && s.kind() == SettingKind.SECRET).forEach(secret -> {
                String value = environment.get(secret.variable());
                Matcher m = value == null ? null : FROM_ENV_FILE.matcher(value.strip());
                if (value != null && !(m.matches() && m.group(1).equals(secret.variable()))) {
                    problems.add(service + " sets " + secret.variable() + " to '" + value + "' in docker-compose.yml; "
                            + "take it from the env file: ${" + secret.variable() + ":?set " + secret.variable() + " in .env}");
                }
            });
        });
        // nor may any other secret of the file (Grafana's password) fall back to a value written in it
        Matcher fallback = WITH_DEFAULT.matcher(withoutComments());
        while (fallback.find()) {
            if (SettingKind.isSecretName(fallback.group(1))) {
                problems.add(fallback.group() + ": a secret with a fallback in docker-compose.yml; write ${"
                        + fallback.group(1) + ":?...} and put it in the env file");
            }
        }
        assertThat(problems).withFailMessage("secrets not taken from the env file:%n  %s", String.join("\n  ", problems))
                .isEmpty();
    }

    @Test
    void everySpringBootProcessRunsWithTheProductionProfile() {
        springServices(services).keySet().forEach(service -> assertThat(environment(services, service))
                .as(service).containsEntry("SPRING_PROFILES_ACTIVE", "production"));
    }

    @Test
    void theEnvFileExampleListsEveryVariableComposeRequiresAndNoSecretValue() throws IOException {
        Map<String, String> example = ComposeEnv.example();
        Set<String> requiredByCompose = new LinkedHashSet<>();
        Matcher m = FROM_ENV_FILE.matcher(withoutComments());
        while (m.find()) {
            requiredByCompose.add(m.group(1));
        }
        assertThat(requiredByCompose).as("variables compose requires").isNotEmpty();
        assertThat(example).as("deploy/compose.env.example").containsKeys(requiredByCompose.toArray(String[]::new));
        example.forEach((name, value) -> {
            if (SettingKind.isSecretName(name)) {
                assertThat(value).as("%s in the committed example: each deployment makes its own", name).isEmpty();
            }
        });
        assertThat(Files.readString(ComposeFileTest.ROOT.resolve(".gitignore")).lines()).as(".gitignore").contains(".env");
        assertThat(Files.readString(ComposeFileTest.ROOT.resolve(".dockerignore")).lines()).as(".dockerignore").contains(".env");
    }

    @Test
    void dockerComposeTakesEverySecretFromTheEnvFileAndRefusesToRunWithoutIt(@TempDir Path temp) throws Exception {
        Optional<Path> dockerCompose = ComposeFileTest.onPath("docker-compose");
        assumeTrue(dockerCompose.isPresent(), "docker-compose is not on the PATH (apt-get install docker-compose)");

        Map<String, String> values = ComposeEnv.throwaway(temp);
        ComposeFileTest.Result config = ComposeEnv.dockerCompose(dockerCompose.get(), temp.resolve("compose.env"), "config");
        assertThat(config.exitCode()).as("docker-compose config:\n%s", config.output()).isZero();
        Map<String, Object> resolved = ComposeFileTest.map(new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(config.output()), "docker-compose config");
        Map<String, Object> resolvedServices = ComposeFileTest.map(resolved.get("services"), "services");
        springServices(services).forEach((service, module) -> {
            Map<String, Object> environment = ComposeFileTest.map(
                    ComposeFileTest.map(resolvedServices.get(service), service).get("environment"), service + ".environment");
            required.stream().filter(s -> s.module().equals(module) && s.kind() == SettingKind.SECRET).forEach(secret ->
                    assertThat(String.valueOf(environment.get(secret.variable())))
                            .as("%s %s after interpolation", service, secret.variable())
                            .isEqualTo(values.get(secret.variable()))
                            .isNotEqualTo(secret.defaultValue()));
        });

        // the example as committed (every secret empty) is refused, naming what to set
        ComposeFileTest.Result refused = ComposeEnv.dockerCompose(dockerCompose.get(), ComposeEnv.EXAMPLE, "config", "-q");
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).containsPattern("set [A-Z_]+ in \\.env");
    }

    // ---- the check ---------------------------------------------------------------------------------------------

    /** Compose service → the Maven module it is built from (build.args.MODULE), for the Spring Boot processes. */
    static Map<String, String> springServices(Map<String, Object> services) {
        Map<String, String> modules = new LinkedHashMap<>();
        services.forEach((name, definition) -> {
            if (definition instanceof Map<?, ?> service && service.get("build") instanceof Map<?, ?> build
                    && build.get("args") instanceof Map<?, ?> args && args.get("MODULE") != null) {
                modules.put(name, String.valueOf(args.get("MODULE")));
            }
        });
        return modules;
    }

    /** A service's environment (map or NAME=value list) as written, merges applied. */
    static Map<String, String> environment(Map<String, Object> services, String service) {
        Object environment = ComposeFileTest.map(services.get(service), service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            list.forEach(entry -> {
                String[] kv = String.valueOf(entry).split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : null);
            });
        }
        return result;
    }

    /** The compose file without its comment lines (which show the syntax they explain). */
    private static String withoutComments() throws IOException {
        return String.join("\n", Files.readAllLines(ComposeFileTest.COMPOSE_FILE).stream()
                .filter(line -> !line.strip().startsWith("#")).toList());
    }

    /** One line per setting a compose service leaves unset: service, module, variable and what it falls back to. */
    static List<String> unset(Map<String, Object> services, List<RequiredSetting> required) {
        List<String> problems = new ArrayList<>();
        springServices(services).forEach((service, module) -> {
            problems.addAll(RequiredSettings.unset(required, service, module, environment(services, service).keySet()));
        });
        return problems;
    }
}
