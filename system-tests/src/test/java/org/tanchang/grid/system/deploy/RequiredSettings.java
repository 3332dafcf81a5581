package org.tanchang.grid.system.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tanchang.grid.guard.Placeholder;
import org.tanchang.grid.guard.SettingKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The environment variables every deployment (docker compose, the Kubernetes overlays) must give each Spring Boot
 * process of the suite, derived from the sources rather than listed by hand: every {@code ${VARIABLE:default}} whose
 * default only works on a developer's machine, by the production guard's own rule ({@link SettingKind}):
 * <ul>
 *   <li>{@link SettingKind#ADDRESS}: the default points at {@code localhost}/{@code 127.0.0.1}, which inside a
 *       container or pod reaches nothing (Kafka, MongoDB, the registries, the auth server's keys, browser origins);</li>
 *   <li>{@link SettingKind#SECRET}: the default is a public development key, client secret or password (the
 *       production profile refuses to start on it); a deployment takes it from an env file or a Secret.</li>
 * </ul>
 *
 * <p>Where the placeholders are read, per module: a module is a Spring Boot process when its pom builds a boot jar
 * ({@code spring-boot-maven-plugin}); its configuration is {@code src/main/resources/application*.yml|yaml|properties},
 * the files those import from the class path ({@code spring.config.import: classpath:...}), the YAML files at the top
 * of the resources of every module of this repository it depends on (the platform's
 * {@code tanchang-platform-defaults.yml}, which every service loads), and the {@code @Value("${...}")} defaults of
 * its and those modules' Java sources.
 *
 * <p>Use: {@code RequiredSettings.byModule(root)} gives module → variables; {@link #all(Path)} the details (kind,
 * default, property, file) for messages. {@code root} is the repository root (from a system-tests test:
 * {@code Path.of("").toAbsolutePath().getParent()}).
 */
public final class RequiredSettings {

    /**
     * One variable one module must be given.
     *
     * @param module       the Maven module (= the process), e.g. {@code grid-service}
     * @param variable     the environment variable, e.g. {@code AUTH_JWKS_URI}
     * @param kind         address or secret
     * @param defaultValue what the process falls back to without it, e.g. {@code http://localhost:9000/oauth2/jwks}
     * @param property     the property it feeds (or {@code @Value} for a Java default)
     * @param file         where the placeholder is written, relative to the root
     */
    public record RequiredSetting(String module, String variable, SettingKind kind, String defaultValue,
            String property, String file) {

        /** "AUTH_JWKS_URI (address): without it grid-service falls back to http://localhost:9000/oauth2/jwks (...)". */
        public String describe() {
            String fallback = kind == SettingKind.SECRET ? "the public development " + (variable.endsWith("_ID") ? "key id" : "secret")
                    + " '" + defaultValue + "'" : defaultValue;
            return variable + " (" + kind.name().toLowerCase() + "): without it " + module + " falls back to " + fallback
                    + " (" + property + " in " + file + ")";
        }
    }

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern VALUE_ANNOTATION = Pattern.compile("@Value\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");
    private static final Pattern APPLICATION_CONFIG = Pattern.compile("application(-[\\w-]+)?\\.(ya?ml|properties)");

    private RequiredSettings() {
    }

    /** Module → the variables it must be given (addresses and secrets), modules and variables sorted. */
    public static Map<String, Set<String>> byModule(Path root) {
        return group(all(root));
    }

    /** Module → the variables of one kind it must be given. */
    public static Map<String, Set<String>> byModule(Path root, SettingKind kind) {
        return group(all(root).stream().filter(s -> s.kind() == kind).toList());
    }

    /** Every required setting of every Spring Boot module, one per module and variable (the first place it is read). */
    public static List<RequiredSetting> all(Path root) {
        List<RequiredSetting> result = new ArrayList<>();
        for (String module : springBootModules(root)) {
            List<Found> found = new ArrayList<>();
            for (Path file : configurationFiles(root, module)) {
                found.addAll(placeholders(root, file));
            }
            for (String source : sourceModules(root, module)) {
                found.addAll(valueAnnotations(root, root.resolve(source).resolve("src/main/java")));
            }
            List<Placeholder> around = found.stream().map(Found::placeholder).toList();
            Map<String, RequiredSetting> byVariable = new LinkedHashMap<>();
            for (Found f : found) {
                SettingKind.of(f.placeholder(), around).ifPresent(kind -> byVariable.putIfAbsent(f.placeholder().variable(),
                        new RequiredSetting(module, f.placeholder().variable(), kind, f.placeholder().defaultValue(),
                                f.property(), f.file())));
            }
            byVariable.values().stream().sorted(Comparator.comparing(RequiredSetting::variable)).forEach(result::add);
        }
        return List.copyOf(result);
    }

    /**
     * What a deployment of one process leaves unset, one readable line per variable: for a compose service or a
     * Kubernetes workload, given the names of the variables it sets (env entries, and the keys of the ConfigMaps and
     * Secrets it takes whole).
     *
     * @param required {@link #all(Path)}
     * @param where    the compose service or workload, e.g. {@code grid-service} or {@code Deployment/grid-service}
     * @param module   the module it runs
     * @param given    the variables it sets
     * @return e.g. "grid-service (module grid-service) does not set AUTH_JWKS_URI (address): without it grid-service
     *         falls back to http://localhost:9000/oauth2/jwks (spring.security...jwk-set-uri in platform/...)"
     */
    public static List<String> unset(List<RequiredSetting> required, String where, String module, Collection<String> given) {
        return required.stream().filter(s -> s.module().equals(module) && !given.contains(s.variable()))
                .map(s -> where + " (module " + module + ") does not set " + s.describe())
                .toList();
    }

    /** The modules that are Spring Boot processes: those whose pom builds a boot jar, in the root pom's order. */
    public static List<String> springBootModules(Path root) {
        return modules(root).stream()
                .filter(m -> read(root.resolve(m).resolve("pom.xml")).contains("spring-boot-maven-plugin"))
                .toList();
    }

    // ---- where the placeholders are -------------------------------------------------------------------------------

    private record Found(Placeholder placeholder, String property, String file) {
    }

    private static List<String> modules(Path root) {
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(read(root.resolve("pom.xml")));
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }

    /** The module and the modules of this repository it depends on (transitively), the module first. */
    static List<String> sourceModules(Path root, String module) {
        Set<String> reactor = new LinkedHashSet<>(modules(root));
        Set<String> seen = new LinkedHashSet<>();
        collectDependencies(root, module, reactor, seen);
        return List.copyOf(seen);
    }

    private static void collectDependencies(Path root, String module, Set<String> reactor, Set<String> seen) {
        if (!seen.add(module)) {
            return;
        }
        String pom = read(root.resolve(module).resolve("pom.xml"));
        int dependencies = pom.indexOf("<dependencies>");
        if (dependencies < 0) {
            return;
        }
        for (String dependency : pom.substring(dependencies).split("</dependency>")) {
            if (dependency.contains("<scope>test</scope>") || dependency.contains("<scope>provided</scope>")) {
                continue;
            }
            Matcher artifact = ARTIFACT.matcher(dependency);
            while (artifact.find()) {
                if (reactor.contains(artifact.group(1)) && !artifact.group(1).equals(module)) {
                    collectDependencies(root, artifact.group(1), reactor, seen);
                }
            }
        }
    }

    static List<Path> configurationFiles(Path root, String module) {
        List<Path> files = new ArrayList<>();
        Path resources = root.resolve(module).resolve("src/main/resources");
        for (Path file : list(resources)) {
            if (APPLICATION_CONFIG.matcher(file.getFileName().toString()).matches()) {
                files.add(file);
            }
        }
        // files the application's configuration imports from its own class path
        for (Path file : List.copyOf(files)) {
            for (String imported : imports(file)) {
                Path target = resources.resolve(imported);
                if (Files.isRegularFile(target) && !files.contains(target)) {
                    files.add(target);
                }
            }
        }
        // the shared defaults of the modules of this repository it depends on (platform: tanchang-platform-defaults.yml)
        for (String dependency : sourceModules(root, module)) {
            if (!dependency.equals(module)) {
                list(root.resolve(dependency).resolve("src/main/resources")).stream()
                        .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static List<String> imports(Path file) {
        Map<String, String> flat = flatten(file);
        return flat.entrySet().stream()
                .filter(e -> e.getKey().equals("spring.config.import") || e.getKey().startsWith("spring.config.import["))
                .flatMap(e -> Stream.of(e.getValue().split(",")))
                .map(String::trim)
                .map(location -> location.replaceFirst("^optional:", ""))
                .filter(location -> location.startsWith("classpath:"))
                .map(location -> location.substring("classpath:".length()).replaceFirst("^/", ""))
                .toList();
    }

    private static List<Found> placeholders(Path root, Path file) {
        List<Found> found = new ArrayList<>();
        String relative = root.relativize(file).toString();
        flatten(file).forEach((property, value) -> Placeholder.in(value)
                .forEach(p -> found.add(new Found(p, property, relative))));
        return found;
    }

    private static List<Found> valueAnnotations(Path root, Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = VALUE_ANNOTATION.matcher(read(file));
                while (m.find()) {
                    String relative = root.relativize(file).toString();
                    Placeholder.in(m.group(1)).forEach(p -> found.add(new Found(p, "@Value", relative)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** A YAML (every document) or properties file as property name → value text. */
    static Map<String, String> flatten(Path file) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (file.toString().endsWith(".properties")) {
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.stringPropertyNames().stream().sorted().forEach(n -> flat.put(n, properties.getProperty(n)));
            return flat;
        }
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(read(file))) {
            flatten("", document, flat);
        }
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else if (value != null) {
            into.put(prefix, String.valueOf(value));
        }
    }

    private static Map<String, Set<String>> group(Collection<RequiredSetting> settings) {
        return settings.stream().collect(Collectors.groupingBy(RequiredSetting::module, TreeMap::new,
                Collectors.mapping(RequiredSetting::variable, Collectors.<String, Set<String>>toCollection(TreeSet::new))));
    }

    private static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
