package org.tanchang.grid.system.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.kafka.core.KafkaAdmin;
import org.tanchang.grid.platform.consume.ConsumerProperties;
import org.tanchang.grid.platform.consume.EventConsumerConfiguration;

/**
 * The manifests that are rendered from another source of the repository instead of written by hand, so that they
 * cannot drift from it: the KafkaTopic objects from the topics the platform declares, the PrometheusRule from
 * deploy/prometheus/alerts.yml, the Grafana dashboards' ConfigMaps from deploy/grafana/dashboards. Each is committed
 * and compared by {@link KubernetesManifestsTest}; {@code -Dk8s.update=true} rewrites them.
 */
final class GeneratedManifests {

    static final String KAFKA_CLUSTER = "tanchang-kafka";
    /** Replication of every topic on the three brokers of the base (and production): one broker may be lost. */
    static final int REPLICAS = 3;
    static final int MIN_IN_SYNC_REPLICAS = 2;

    /** A file under deploy/k8s and the text it must hold. */
    record Generated(Path file, String text) {
    }

    private final Path root;

    GeneratedManifests(Path root) {
        this.root = root;
    }

    List<Generated> all() {
        Path k8s = root.resolve("deploy/k8s");
        return List.of(
                new Generated(k8s.resolve("base/kafka-topics.yaml"), kafkaTopics()),
                new Generated(k8s.resolve("overlays/local/kafka-topics-single-broker.yaml"), kafkaTopicsOnOneBroker()),
                new Generated(k8s.resolve("base/prometheus-rules.yaml"), prometheusRule()),
                new Generated(k8s.resolve("base/grafana-dashboards.yaml"), grafanaDashboards()));
    }

    // ---- topics ------------------------------------------------------------------------------------------------

    /**
     * The topics exactly as the platform declares them to Kafka at start-up ({@code suiteTopics} of
     * EventConsumerConfiguration: contracts' Topics.ALL, each with its .dlt), with the partition count bound from
     * the platform's own defaults (tanchang.events.partitions), as every service binds it.
     */
    List<NewTopic> declaredTopics() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("platform-defaults",
                    new FileSystemResource(root.resolve("platform/src/main/resources/tanchang-platform-defaults.yml")))) {
                environment.getPropertySources().addLast(source);
            }
            environment.getPropertySources().addFirst(new MapPropertySource("cluster",
                    Map.of("KAFKA_REPLICATION_FACTOR", String.valueOf(REPLICAS))));
            ConsumerProperties properties = Binder.get(environment).bind("tanchang.events", ConsumerProperties.class)
                    .orElseThrow(() -> new IllegalStateException("tanchang.events is not in the platform defaults"));
            // the bean method is package-private: it is the declaration itself, not a copy of it
            Method suiteTopics = EventConsumerConfiguration.class.getDeclaredMethod("suiteTopics", ConsumerProperties.class);
            suiteTopics.setAccessible(true);
            KafkaAdmin.NewTopics topics = (KafkaAdmin.NewTopics) suiteTopics.invoke(new EventConsumerConfiguration(), properties);
            // what KafkaAdmin reads from the bean (its accessor is package-private too)
            Method newTopics = KafkaAdmin.NewTopics.class.getDeclaredMethod("getNewTopics");
            newTopics.setAccessible(true);
            @SuppressWarnings("unchecked")
            Collection<NewTopic> declared = (Collection<NewTopic>) newTopics.invoke(topics);
            return List.copyOf(declared);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("EventConsumerConfiguration.suiteTopics changed; follow it here", e);
        }
    }

    String kafkaTopics() {
        StringBuilder yaml = new StringBuilder(header("the topics the platform declares\n# (contracts' Topics.ALL, "
                + "each with its .dlt; partitions from tanchang.events.partitions of tanchang-platform-defaults.yml),\n"
                + "# replication " + REPLICAS + ", min.insync.replicas " + MIN_IN_SYNC_REPLICAS
                + ". The local overlay patches them to one replica (overlays/local/kafka-topics-single-broker.yaml)"));
        String separator = "";
        for (NewTopic topic : declaredTopics()) {
            yaml.append(separator).append("""
                    apiVersion: kafka.strimzi.io/v1
                    kind: KafkaTopic
                    metadata:
                      name: %s
                      labels:
                        strimzi.io/cluster: %s
                        app.kubernetes.io/part-of: tanchang-grid
                    spec:
                      partitions: %d
                      replicas: %d
                      config:
                        min.insync.replicas: %d
                    """.formatted(topic.name(), KAFKA_CLUSTER, topic.numPartitions(), REPLICAS, MIN_IN_SYNC_REPLICAS));
            separator = "---\n";
        }
        return yaml.toString();
    }

    String kafkaTopicsOnOneBroker() {
        StringBuilder yaml = new StringBuilder(header("every KafkaTopic of base/kafka-topics.yaml\n# on the one broker "
                + "of this overlay: one replica"));
        String separator = "";
        for (NewTopic topic : declaredTopics()) {
            yaml.append(separator).append("""
                    apiVersion: kafka.strimzi.io/v1
                    kind: KafkaTopic
                    metadata:
                      name: %s
                    spec:
                      replicas: 1
                      config:
                        min.insync.replicas: 1
                    """.formatted(topic.name()));
            separator = "---\n";
        }
        return yaml.toString();
    }

    // ---- alert rules ---------------------------------------------------------------------------------------------

    /** deploy/prometheus/alerts.yml as the spec of a PrometheusRule: its groups, comments and all, indented. */
    String prometheusRule() {
        List<String> lines = read(root.resolve("deploy/prometheus/alerts.yml")).lines().toList();
        int groups = lines.indexOf("groups:");
        if (groups < 0) {
            throw new IllegalStateException("deploy/prometheus/alerts.yml has no top-level 'groups:' line");
        }
        StringBuilder yaml = new StringBuilder(header("the rules of deploy/prometheus/alerts.yml\n# (the compose "
                + "deployment's), for the Prometheus Operator"));
        yaml.append("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: tanchang-grid-alerts
                  labels:
                    app.kubernetes.io/part-of: tanchang-grid
                    release: kube-prometheus-stack
                spec:
                """);
        for (String line : lines.subList(groups, lines.size())) {
            yaml.append(line.isBlank() ? "" : "  " + line).append('\n');
        }
        return yaml.toString();
    }

    // ---- dashboards ----------------------------------------------------------------------------------------------

    List<Path> dashboards() {
        try (Stream<Path> files = Files.list(root.resolve("deploy/grafana/dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String dashboardConfigMapName(Path dashboard) {
        return "grafana-dashboard-" + dashboard.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /**
     * A ConfigMap per dashboard with the label Grafana's dashboard sidecar looks for (grafana_dashboard: "1", the
     * kube-prometheus-stack default), the JSON verbatim in a literal block.
     */
    String grafanaDashboards() {
        StringBuilder yaml = new StringBuilder(header("the dashboards of deploy/grafana/dashboards,\n# one ConfigMap "
                + "each, for Grafana's dashboard sidecar"));
        String separator = "";
        for (Path dashboard : dashboards()) {
            String json = read(dashboard);
            yaml.append(separator).append("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: %s
                      labels:
                        app.kubernetes.io/part-of: tanchang-grid
                        grafana_dashboard: "1"
                    data:
                      %s: %s
                    """.formatted(dashboardConfigMapName(dashboard), dashboard.getFileName(), json.endsWith("\n") ? "|" : "|-"));
            json.lines().forEach(line -> yaml.append(line.isEmpty() ? "" : "    " + line).append('\n'));
            separator = "---\n";
        }
        return yaml.toString();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static String header(String what) {
        return "# GENERATED by system-tests' KubernetesManifestsTest from " + what + ".\n"
                + "# Do not edit: regenerate with\n#   ./mvnw -B -q test -pl system-tests -am -Dtest=KubernetesManifestsTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dk8s.update=true\n";
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }
}
