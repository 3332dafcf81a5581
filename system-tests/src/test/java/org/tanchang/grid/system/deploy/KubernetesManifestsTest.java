package org.tanchang.grid.system.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.system.deploy.NetworkReachability.Pod;
import org.tanchang.grid.system.deploy.RenderedOverlay.Workload;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the Kubernetes manifests of deploy/k8s without a cluster: the generated ones are what their sources give,
 * {@code kubectl kustomize} renders every overlay, every rendered object reads strictly into its typed model (an
 * unknown or misspelt field fails), and the invariants of issue 15 hold for every workload of every overlay. The
 * rendering needs {@code kubectl} on the PATH (.ci/run installs Debian's kubernetes-client); without it only the
 * generated files are compared.
 *
 * <p>The summary of the rendered objects per overlay and kind is printed and written to
 * target/k8s-manifests-summary.md.
 */
class KubernetesManifestsTest {

    /** Surefire runs in the module folder: the repository root is its parent. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final String NAMESPACE = "tanchang-grid";
    static final List<String> OVERLAYS = List.of("local", "production");
    static final String ZIPKIN_ENDPOINT = "http://zipkin:9411/api/v2/spans";

    enum Role { REGISTRY, GATEWAY, AUTH, CONSOLE, SERVICE }

    /** A Spring Boot process: its workload (named as its Maven module), port and role. */
    record Process(String module, int port, Role role) {
    }

    static final List<Process> PROCESSES = List.of(
            new Process("registry", 8761, Role.REGISTRY),
            new Process("gateway", 8080, Role.GATEWAY),
            new Process("auth-server", 9000, Role.AUTH),
            new Process("console", 8086, Role.CONSOLE),
            new Process("grid-service", 8081, Role.SERVICE),
            new Process("case-service", 8082, Role.SERVICE),
            new Process("mediation-service", 8083, Role.SERVICE),
            new Process("petition-service", 8084, Role.SERVICE),
            new Process("notification-service", 8085, Role.SERVICE));

    /** The Secrets the production overlay expects the deployer to create, with their keys (README's commands). */
    static final Map<String, Set<String>> DEPLOYER_SECRETS = Map.of(
            "tanchang-personal-data", Set.of("PERSONAL_DATA_KEY_ID", "PERSONAL_DATA_KEY", "PERSONAL_DATA_HASH_KEY"),
            "tanchang-auth", Set.of("AUTH_KEY_ENCRYPTION_KEY", "AUTH_CLI_SECRET", "AUTH_MARKET_SUPERVISION_SECRET",
                    "AUTH_DEMO_PASSWORD", "AUTH_CONSOLE_SECRET"),
            "tanchang-mongodb-passwords", Set.of("auth-server", "grid-service", "case-service", "mediation-service",
                    "petition-service", "notification-service"));

    /** The keys of the Secret the MongoDB operator writes for each user. */
    static final Set<String> CONNECTION_STRING_KEYS = Set.of("connectionString.standard",
            "connectionString.standardSrv", "username", "password");

    static final StrictKubernetesReader READER = new StrictKubernetesReader();
    static final GeneratedManifests GENERATED = new GeneratedManifests(ROOT);

    static Optional<Path> kubectl;
    static final Map<String, RenderedOverlay> RENDERED = new LinkedHashMap<>();

    @BeforeAll
    static void renderEveryOverlay() throws Exception {
        if (Boolean.getBoolean("k8s.update")) {
            for (GeneratedManifests.Generated generated : GENERATED.all()) {
                Files.writeString(generated.file(), generated.text(), StandardCharsets.UTF_8);
                System.out.println("k8s: wrote " + ROOT.relativize(generated.file()));
            }
        }
        kubectl = onPath("kubectl");
        if (kubectl.isEmpty()) {
            return;
        }
        for (String overlay : OVERLAYS) {
            RENDERED.put(overlay, render(overlay));
        }
        printSummary();
    }

    // ---- generated manifests ---------------------------------------------------------------------------------

    @Test
    void theGeneratedManifestsAreWhatTheirSourcesGive() {
        List<String> drifted = new ArrayList<>();
        for (GeneratedManifests.Generated generated : GENERATED.all()) {
            String committed = Files.exists(generated.file()) ? GeneratedManifests.read(generated.file()) : "";
            if (!committed.equals(generated.text())) {
                drifted.add(ROOT.relativize(generated.file()) + "\n" + diff(committed, generated.text()));
            }
        }
        assertThat(drifted).as("generated manifests that differ from their sources; regenerate with ./mvnw -B -q test "
                + "-pl system-tests -am -Dtest=KubernetesManifestsTest -Dsurefire.failIfNoSpecifiedTests=false "
                + "-Dk8s.update=true and commit them").isEmpty();
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsAKafkaTopicWithTheCodesPartitions() {
        Map<String, Integer> declared = new TreeMap<>();
        GENERATED.declaredTopics().forEach(topic -> declared.put(topic.name(), topic.numPartitions()));
        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(topic -> {
            expected.add(topic);
            expected.add(Topics.deadLetterOf(topic));
        });
        assertThat(declared.keySet()).as("the topics the platform declares").isEqualTo(expected);

        Map<String, Integer> committed = new TreeMap<>();
        for (Map<String, Object> object : yamlDocuments(GeneratedManifests.read(K8S.resolve("base/kafka-topics.yaml")))) {
            KafkaTopic topic = (KafkaTopic) READER.read(object);
            committed.put(topic.getMetadata().getName(), topic.getSpec().getPartitions());
        }
        assertThat(committed).isEqualTo(declared);
    }

    @Test
    void theStrictReaderRefusesAnUnknownOrMisspeltField() {
        Map<String, Object> deployment = yamlDocuments("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 3
                  selector: {matchLabels: {a: b}}
                  template: {metadata: {labels: {a: b}}, spec: {containers: [{name: x, image: x}]}}
                """).get(0);
        assertThatThrownBy(() -> READER.read(deployment)).hasMessageContaining("replica");

        Map<String, Object> kafka = yamlDocuments("""
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: x}
                spec:
                  kafka:
                    listeners: [{name: plain, port: 9092, type: internal, tsl: false}]
                """).get(0);
        assertThatThrownBy(() -> READER.read(kafka)).hasMessageContaining("tsl");

        Map<String, Object> mongo = yamlDocuments("""
                apiVersion: mongodbcommunity.mongodb.com/v1
                kind: MongoDBCommunity
                metadata: {name: x}
                spec: {member: 3, type: ReplicaSet, version: "8.0.12"}
                """).get(0);
        assertThatThrownBy(() -> READER.read(mongo)).hasMessageContaining("member");

        Map<String, Object> monitor = yamlDocuments("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: x}
                spec: {selector: {matchLabels: {a: b}}, endpoints: [{port: http, pth: /actuator/prometheus}]}
                """).get(0);
        assertThatThrownBy(() -> READER.read(monitor)).hasMessageContaining("pth");
    }

    // ---- every overlay -----------------------------------------------------------------------------------------

    @Test
    void everyOverlayRendersAndEveryObjectIsReadStrictly() {
        requireKubectl();
        for (RenderedOverlay overlay : RENDERED.values()) {
            // reading happened while rendering; every object of the overlay has a model and is in the namespace
            assertThat(overlay.objects()).as(overlay.name()).isNotEmpty();
            assertThat(overlay.countByKind()).as(overlay.name()).containsKeys("Deployment", "StatefulSet", "Service",
                    "ConfigMap", "NetworkPolicy", "ServiceMonitor", "PrometheusRule", "Kafka", "KafkaNodePool",
                    "KafkaTopic", "MongoDBCommunity", "PodDisruptionBudget");
        }
        assertThat(RENDERED.get("production").countByKind()).containsKey("HorizontalPodAutoscaler");
    }

    @Test
    void everyWorkloadRunsAsNonRootOnAReadOnlyRootWithProbesAndResources() {
        requireKubectl();
        for (RenderedOverlay overlay : RENDERED.values()) {
            for (Workload workload : overlay.workloads()) {
                String where = overlay.name() + " " + workload.kind() + " " + workload.name();
                var pod = workload.template().getSpec();
                PodSecurityContext podSecurity = pod.getSecurityContext();
                assertThat(podSecurity).as(where + " pod securityContext").isNotNull();
                assertThat(podSecurity.getRunAsNonRoot()).as(where + " runAsNonRoot").isTrue();
                assertThat(podSecurity.getRunAsUser()).as(where + " runAsUser").isNotNull().isNotZero();
                assertThat(podSecurity.getSeccompProfile().getType()).as(where).isEqualTo("RuntimeDefault");
                assertThat(pod.getAutomountServiceAccountToken()).as(where + " automountServiceAccountToken").isFalse();

                for (Container container : pod.getContainers()) {
                    String in = where + " container " + container.getName();
                    SecurityContext security = container.getSecurityContext();
                    assertThat(security.getReadOnlyRootFilesystem()).as(in + " readOnlyRootFilesystem").isTrue();
                    assertThat(security.getAllowPrivilegeEscalation()).as(in + " allowPrivilegeEscalation").isFalse();
                    assertThat(security.getCapabilities().getDrop()).as(in + " capabilities").containsExactly("ALL");
                    // the root is read-only: /tmp is an emptyDir
                    VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                            .findFirst().orElseThrow(() -> new AssertionError(in + " has no /tmp volume"));
                    Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                            .orElseThrow();
                    assertThat(volume.getEmptyDir()).as(in + " /tmp").isNotNull();

                    var resources = container.getResources();
                    assertThat(resources.getRequests()).as(in + " requests").containsKeys("cpu", "memory");
                    assertThat(resources.getLimits()).as(in + " limits").containsKeys("cpu", "memory");
                    assertThat(resources.getLimits().get("memory")).as(in + " memory limit = request (no overcommit)")
                            .isEqualTo(resources.getRequests().get("memory"));

                    boolean spring = isSpringProcess(workload.name());
                    String liveness = spring ? "/actuator/health/liveness" : "/health";
                    String readiness = spring ? "/actuator/health/readiness" : "/health";
                    assertProbe(in + " startupProbe", container.getStartupProbe(), liveness, container);
                    assertProbe(in + " readinessProbe", container.getReadinessProbe(), readiness, container);
                    assertProbe(in + " livenessProbe", container.getLivenessProbe(), liveness, container);
                    assertThat(container.getStartupProbe().getFailureThreshold() * container.getStartupProbe().getPeriodSeconds())
                            .as(in + " start-up allowance in seconds").isGreaterThanOrEqualTo(120);
                }
            }
        }
    }

    @Test
    void theLocalOverlayRunsOneOfEachServiceOneBrokerAndOneMongoDbMember() {
        requireKubectl();
        RenderedOverlay local = RENDERED.get("local");
        for (Workload workload : local.workloads()) {
            int expected = workload.name().equals("registry") ? 2 : 1;
            assertThat(workload.replicas()).as("local " + workload.name() + " replicas").isEqualTo(expected);
        }
        assertThat(local.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertDataPlane(local, 1, 1, 1);
        // development keys, generated by the overlay itself: it applies on its own
        assertThat(local.all(io.fabric8.kubernetes.api.model.Secret.class)).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(DEPLOYER_SECRETS.keySet());
    }

    @Test
    void productionRunsThreeOfEveryServiceAutoscaledWithBudgetsAndSpread() {
        requireKubectl();
        RenderedOverlay production = RENDERED.get("production");
        assertThat(production.all(io.fabric8.kubernetes.api.model.Secret.class))
                .as("production renders no Secret: no key is in the repository").isEmpty();
        for (Workload workload : production.workloads()) {
            String where = "production " + workload.name();
            Map<String, String> labels = RenderedOverlay.labels(workload.template());
            if (workload.name().equals("zipkin")) {
                assertThat(workload.replicas()).as(where + ": the in-memory store is per process").isEqualTo(1);
                continue;
            }
            if (workload.name().equals("registry")) {
                assertThat(workload.replicas()).as(where).isEqualTo(2);
            } else {
                assertThat(workload.replicas()).as(where + " replicas").isEqualTo(3);
                HorizontalPodAutoscaler hpa = production.named(HorizontalPodAutoscaler.class, workload.name())
                        .orElseThrow(() -> new AssertionError(where + " has no HorizontalPodAutoscaler"));
                assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo(workload.kind());
                assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(workload.name());
                assertThat(hpa.getSpec().getMinReplicas()).as(where + " HPA min").isEqualTo(3);
                assertThat(hpa.getSpec().getMaxReplicas()).as(where + " HPA max").isGreaterThan(3);
            }
            List<PodDisruptionBudget> budgets = production.all(PodDisruptionBudget.class).stream()
                    .filter(pdb -> NetworkReachability.matches(pdb.getSpec().getSelector(), labels)).toList();
            assertThat(budgets).as(where + " PodDisruptionBudget").hasSize(1);
            PodDisruptionBudget budget = budgets.get(0);
            int mayBeDown = budget.getSpec().getMaxUnavailable() != null
                    ? budget.getSpec().getMaxUnavailable().getIntVal()
                    : workload.replicas() - budget.getSpec().getMinAvailable().getIntVal();
            assertThat(mayBeDown).as(where + ": a drain takes one replica at a time, never all").isEqualTo(1);

            List<TopologySpreadConstraint> spread = RenderedOverlay.list(workload.template().getSpec().getTopologySpreadConstraints());
            assertThat(spread).extracting(TopologySpreadConstraint::getTopologyKey).as(where + " topology spread")
                    .contains("kubernetes.io/hostname");
            spread.forEach(constraint -> assertThat(NetworkReachability.matches(constraint.getLabelSelector(), labels))
                    .as(where + " spread selects its own pods").isTrue());
        }
        assertDataPlane(production, 3, 3, 2);
    }

    /** Brokers, MongoDB members and the topics' replication agree with each other and with the services' settings. */
    private static void assertDataPlane(RenderedOverlay overlay, int brokers, int replicas, int minInSync) {
        String name = overlay.name();
        Kafka kafka = overlay.named(Kafka.class, GeneratedManifests.KAFKA_CLUSTER).orElseThrow();
        int brokerNodes = overlay.all(KafkaNodePool.class).stream()
                .filter(pool -> GeneratedManifests.KAFKA_CLUSTER.equals(pool.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        int controllers = overlay.all(KafkaNodePool.class).stream()
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        assertThat(brokerNodes).as(name + " Kafka brokers").isEqualTo(brokers);
        assertThat(controllers).as(name + " KRaft controllers (an odd quorum)").isOdd();
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertThat(String.valueOf(config.get("default.replication.factor"))).as(name).isEqualTo(String.valueOf(replicas));
        assertThat(String.valueOf(config.get("min.insync.replicas"))).as(name).isEqualTo(String.valueOf(minInSync));
        assertThat(String.valueOf(config.get("offsets.topic.replication.factor"))).as(name).isEqualTo(String.valueOf(replicas));
        assertThat(String.valueOf(config.get("auto.create.topics.enable"))).as(name).isEqualTo("false");
        assertThat(overlay.setting("tanchang-settings", "KAFKA_REPLICATION_FACTOR"))
                .as(name + " the replication the services declare their topics with").isEqualTo(String.valueOf(replicas));

        Map<String, NewTopic> declared = new TreeMap<>();
        GENERATED.declaredTopics().forEach(topic -> declared.put(topic.name(), topic));
        Map<String, KafkaTopic> topics = new TreeMap<>();
        overlay.all(KafkaTopic.class).forEach(topic -> topics.put(topic.getMetadata().getName(), topic));
        assertThat(topics.keySet()).as(name + " KafkaTopics").isEqualTo(declared.keySet());
        topics.forEach((topicName, topic) -> {
            assertThat(topic.getMetadata().getLabels()).as(topicName).containsEntry("strimzi.io/cluster", GeneratedManifests.KAFKA_CLUSTER);
            assertThat(topic.getSpec().getPartitions()).as(name + " " + topicName + " partitions")
                    .isEqualTo(declared.get(topicName).numPartitions());
            assertThat(topic.getSpec().getReplicas()).as(name + " " + topicName + " replicas").isEqualTo(replicas);
            assertThat(String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas")))
                    .as(name + " " + topicName + " min.insync.replicas").isEqualTo(String.valueOf(minInSync));
        });

        MongoDBCommunity mongo = overlay.all(MongoDBCommunity.class).get(0);
        assertThat(mongo.spec().members()).as(name + " MongoDB members").isEqualTo(replicas);
        assertThat(mongo.spec().type()).isEqualTo("ReplicaSet");
        assertThat(mongo.spec().security().authentication().modes()).contains("SCRAM");
        for (MongoDBCommunity.User user : mongo.spec().users()) {
            assertThat(overlay.secretKeys(user.passwordSecretRef().name()))
                    .as(name + " password Secret of MongoDB user " + user.name()).isPresent()
                    .get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
                    .contains(user.passwordSecretRef().key());
        }
    }

    @Test
    void theRegistryIsTwoPeeredReplicasWithStableNames() {
        requireKubectl();
        for (RenderedOverlay overlay : RENDERED.values()) {
            StatefulSet registry = overlay.named(StatefulSet.class, "registry").orElseThrow();
            assertThat(registry.getSpec().getReplicas()).isEqualTo(2);
            Service headless = overlay.named(Service.class, registry.getSpec().getServiceName()).orElseThrow();
            assertThat(headless.getSpec().getClusterIP()).as("a headless Service gives each replica a DNS name").isEqualTo("None");
            assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();

            Container container = registry.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> env = new HashMap<>();
            container.getEnv().stream().filter(v -> v.getValue() != null).forEach(v -> env.put(v.getName(), v.getValue()));
            List<String> replicas = List.of("registry-0." + headless.getMetadata().getName(),
                    "registry-1." + headless.getMetadata().getName());
            // every replica names itself by its pod's DNS name, which is one of the peers it lists (and drops)
            assertThat(env.get("EUREKA_INSTANCE_HOSTNAME")).isEqualTo("$(POD_NAME)." + headless.getMetadata().getName());
            String peers = replicas.stream().map(host -> "http://" + host + ":8761/eureka/").collect(Collectors.joining(","));
            assertThat(env.get("EUREKA_PEERS")).isEqualTo(peers);
            assertThat(overlay.setting("tanchang-settings", "EUREKA_URI")).as("the clients know both replicas").isEqualTo(peers);
        }
    }

    @Test
    void everyProcessIsGivenEveryAddressAndKeyItNeeds() {
        requireKubectl();
        StringBuilder table = new StringBuilder();
        for (RenderedOverlay overlay : RENDERED.values()) {
            for (Process process : PROCESSES) {
                Workload workload = overlay.workloads().stream().filter(w -> w.name().equals(process.module())).findFirst()
                        .orElseThrow(() -> new AssertionError(overlay.name() + " has no workload " + process.module()));
                Container container = workload.template().getSpec().getContainers().get(0);
                Set<String> set = overlay.environmentNames(container);
                Set<String> required = requiredSettings(process);
                assertThat(set).as("%s %s: the settings it needs in a cluster", overlay.name(), process.module())
                        .containsAll(required);
                assertThat(container.getPorts()).extracting(ContainerPort::getContainerPort)
                        .as(process.module() + " port").containsExactly(process.port());
                String image = container.getImage();
                assertThat(image).as(overlay.name() + " image of " + process.module())
                        .isEqualTo(overlay.name().equals("local") ? "tanchang-grid/" + process.module() + ":0.1.0"
                                : "ghcr.io/tanchang-grid/" + process.module() + ":0.1.0");
                assertThat(ROOT.resolve(process.module()).resolve("pom.xml")).as("the module of " + image).exists();
                if (overlay.name().equals("production")) {
                    table.append("| ").append(process.module()).append(" | ").append(String.join(", ", required)).append(" |\n");
                }
            }
            assertThat(overlay.setting("tanchang-settings", "ZIPKIN_ENDPOINT")).isEqualTo(ZIPKIN_ENDPOINT);
            assertThat(overlay.named(Service.class, "zipkin")).as("the trace backend").isPresent();
        }
        RenderedOverlay production = RENDERED.get("production");
        assertThat(production.setting("tanchang-settings", "SPRING_PROFILES_ACTIVE"))
                .as("production refuses to start on the public development secrets").isEqualTo("production");
        for (Process process : PROCESSES) {
            if (developmentKeys(process).isEmpty()) {
                continue;
            }
            for (ConfigMap map : production.all(ConfigMap.class)) {
                assertThat(map.getData() == null ? Set.<String>of() : map.getData().keySet())
                        .as("ConfigMap %s holds a secret of %s: secrets come from Secrets", map.getMetadata().getName(), process.module())
                        .doesNotContainAnyElementsOf(developmentKeys(process));
            }
        }
        assertThat(production.setting("tanchang-settings", "AUTH_ISSUER")).startsWith("https://");
        assertThat(production.setting("auth-server-settings", "AUTH_SEED_DEMO_USERS")).isEqualTo("false");
        // several auth-server replicas: a browser's sign-in must stay on the instance that holds its session
        assertThat(production.named(Service.class, "auth-server").orElseThrow().getSpec().getSessionAffinity())
                .isEqualTo("ClientIP");
        // and the gateway's: it holds the console's sessions in memory (issue 19)
        assertThat(production.named(Service.class, "gateway").orElseThrow().getSpec().getSessionAffinity())
                .isEqualTo("ClientIP");
        System.out.println("k8s: settings each process is given (production)\n| process | variables |\n| --- | --- |\n" + table);
    }

    /**
     * The console's sign-in: the gateway is the auth server's client tanchang-console, both read its secret from the
     * same Secret key (the gateway that key alone), the auth server sends browsers back only to the gateway's public
     * callback and the console's page, and the gateway's sessions (in its memory) stay with one replica.
     */
    @Test
    void theGatewaySignsTheConsolesUsersInWithTheAuthServersClient() {
        requireKubectl();
        for (RenderedOverlay overlay : RENDERED.values()) {
            String name = overlay.name();
            Container gateway = container(overlay, "gateway");
            Container auth = container(overlay, "auth-server");
            var secret = gateway.getEnv().stream().filter(v -> v.getName().equals("AUTH_CONSOLE_SECRET")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " gateway is not given AUTH_CONSOLE_SECRET"))
                    .getValueFrom().getSecretKeyRef();
            assertThat(secret.getName() + "/" + secret.getKey()).as(name + " the gateway's client secret")
                    .isEqualTo("tanchang-auth/AUTH_CONSOLE_SECRET");
            assertThat(auth.getEnvFrom()).as(name + " the auth server reads the same Secret")
                    .anyMatch(source -> source.getSecretRef() != null && source.getSecretRef().getName().equals("tanchang-auth"));
            assertThat(gateway.getEnvFrom()).as(name + " the gateway reads no other key of the auth server's Secret")
                    .noneMatch(source -> source.getSecretRef() != null);
            assertThat(overlay.environmentNames(gateway)).as(name + " gateway").contains("AUTH_PUBLIC_URL", "AUTH_TOKEN_URI",
                    "CONSOLE_TILE_URL");
            assertThat(overlay.setting("gateway-settings", "AUTH_TOKEN_URI")).isEqualTo("http://auth-server:9000/oauth2/token");
            assertThat(overlay.named(Service.class, "gateway").orElseThrow().getSpec().getSessionAffinity())
                    .as(name + " the console's sessions live in one gateway replica's memory").isEqualTo("ClientIP");

            String redirect = overlay.setting("auth-server-settings", "AUTH_CONSOLE_REDIRECT_URIS");
            String logout = overlay.setting("auth-server-settings", "AUTH_CONSOLE_LOGOUT_URIS");
            String base = name.equals("production") ? "https://grid.tanchang.example" : "http://localhost:8080";
            assertThat(redirect).as(name + " redirect URIs").isEqualTo(base + "/login/oauth2/code/tanchang");
            assertThat(logout).as(name + " post-logout URIs").isEqualTo(base + "/console/");
        }
    }

    static Container container(RenderedOverlay overlay, String workload) {
        return overlay.workloads().stream().filter(w -> w.name().equals(workload)).findFirst()
                .orElseThrow(() -> new AssertionError(overlay.name() + " has no workload " + workload))
                .template().getSpec().getContainers().get(0);
    }

    @Test
    void onlyTheGatewayReachesTheServicesAndOnlyTheServicesReachKafkaAndMongoDb() {
        requireKubectl();
        for (RenderedOverlay overlay : RENDERED.values()) {
            List<NetworkPolicy> policies = new ArrayList<>(overlay.all(NetworkPolicy.class));
            policies.add(strimziListenerPolicy(overlay.named(Kafka.class, GeneratedManifests.KAFKA_CLUSTER).orElseThrow()));
            NetworkReachability network = new NetworkReachability(policies, NAMESPACE, Map.of(
                    NAMESPACE, Map.of("kubernetes.io/metadata.name", NAMESPACE),
                    "monitoring", Map.of("kubernetes.io/metadata.name", "monitoring"),
                    "kube-system", Map.of("kubernetes.io/metadata.name", "kube-system"),
                    "ingress-nginx", Map.of("kubernetes.io/metadata.name", "ingress-nginx")));

            Map<String, Pod> suite = new LinkedHashMap<>();
            for (Workload workload : overlay.workloads()) {
                Map<String, Integer> ports = new HashMap<>();
                workload.template().getSpec().getContainers().forEach(c -> RenderedOverlay.list(c.getPorts())
                        .forEach(p -> ports.put(p.getName(), p.getContainerPort())));
                suite.put(workload.name(), new Pod(workload.name(), NAMESPACE, RenderedOverlay.labels(workload.template()), ports, false));
            }
            // the operators' pods, with the labels of their custom resources (Strimzi copies them to its pods)
            Map<String, String> kafkaLabels = new HashMap<>(overlay.named(Kafka.class, GeneratedManifests.KAFKA_CLUSTER)
                    .orElseThrow().getMetadata().getLabels());
            kafkaLabels.putAll(Map.of("strimzi.io/cluster", GeneratedManifests.KAFKA_CLUSTER, "strimzi.io/kind", "Kafka",
                    "strimzi.io/broker-role", "true"));
            Pod kafka = new Pod("kafka-broker", NAMESPACE, kafkaLabels, Map.of(), false);
            Map<String, String> mongoLabels = new HashMap<>(overlay.all(MongoDBCommunity.class).get(0).metadata().getLabels());
            mongoLabels.put("app", "tanchang-mongodb-svc");
            Pod mongo = new Pod("mongodb-member", NAMESPACE, mongoLabels, Map.of(), false);
            Pod prometheus = new Pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of(), false);
            Pod dns = new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of(), false);
            Pod ingress = new Pod("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of(), false);
            Pod internet = new Pod("internet", "", Map.of(), Map.of(), true);
            List<Pod> everyone = new ArrayList<>(suite.values());
            everyone.addAll(List.of(kafka, mongo, prometheus, dns, ingress, internet));

            StringBuilder matrix = new StringBuilder("k8s: who reaches whom (" + overlay.name() + ")\n");
            for (Process process : PROCESSES) {
                Pod target = suite.get(process.module());
                Set<String> from = sources(network, everyone, target, process.port());
                matrix.append(String.format("  %-22s :%d <- %s%n", process.module(), process.port(), from));
                switch (process.role()) {
                    case SERVICE, CONSOLE -> assertThat(from).as(overlay.name() + " who reaches " + process.module())
                            .containsExactlyInAnyOrder("gateway", "prometheus");
                    case GATEWAY, AUTH -> assertThat(from).as(overlay.name() + " " + process.module() + " is public")
                            .contains("ingress-controller", "internet", "prometheus");
                    case REGISTRY -> assertThat(from).as(overlay.name() + " registry")
                            .containsExactlyInAnyOrderElementsOf(springProcessesAnd("prometheus"));
                }
            }
            Set<String> kafkaClients = sources(network, everyone, kafka, 9092);
            Set<String> mongoClients = sources(network, everyone, mongo, 27017);
            mongoClients.remove("mongodb-member");
            Set<String> zipkinClients = sources(network, everyone, suite.get("zipkin"), 9411);
            matrix.append(String.format("  %-22s :9092 <- %s%n  %-22s :27017 <- %s%n  %-22s :9411 <- %s%n",
                    "kafka", kafkaClients, "mongodb", mongoClients, "zipkin", zipkinClients));
            Set<String> services = PROCESSES.stream().filter(p -> p.role() == Role.SERVICE).map(Process::module)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> consumers = new TreeSet<>(services);
            consumers.add("console");   // its live feed
            assertThat(kafkaClients).as(overlay.name() + " Kafka clients").isEqualTo(consumers);
            Set<String> storing = new TreeSet<>(services);
            storing.add("auth-server");
            assertThat(mongoClients).as(overlay.name() + " MongoDB clients").isEqualTo(storing);
            assertThat(zipkinClients).as(overlay.name() + " span senders").isEqualTo(new TreeSet<>(springProcessesAnd()));

            Set<String> resolving = new TreeSet<>();
            Set<String> leaving = new TreeSet<>();
            for (Pod pod : suite.values()) {
                if (network.allows(pod, dns, 53)) {
                    resolving.add(pod.name());
                }
                if (network.allows(pod, internet, 443)) {
                    leaving.add(pod.name());
                }
            }
            matrix.append("  DNS from ").append(resolving).append("; the internet (webhooks, mail, SMS) from ").append(leaving).append('\n');
            assertThat(resolving).as(overlay.name() + " DNS").isEqualTo(suite.keySet().stream().collect(Collectors.toCollection(TreeSet::new)));
            assertThat(leaving).as(overlay.name() + " leaves the cluster").containsExactly("notification-service");
            // the suite's pods connect only where a policy says; the brokers and members keep replicating to each other
            suite.values().forEach(pod -> assertThat(network.restrictsEgress(pod)).as(pod.name() + " egress").isTrue());
            assertThat(network.restrictsEgress(kafka)).as("Kafka brokers' egress").isFalse();
            assertThat(network.restrictsEgress(mongo)).as("MongoDB members' egress").isFalse();
            System.out.print(matrix);
        }
    }

    @Test
    void everySpringProcessIsScrapedAndTheAlertRulesAndDashboardsAreThere() throws IOException {
        requireKubectl();
        for (RenderedOverlay overlay : RENDERED.values()) {
            for (Process process : PROCESSES) {
                Service service = overlay.named(Service.class, process.module()).orElseThrow(
                        () -> new AssertionError(overlay.name() + " has no Service " + process.module()));
                Map<String, String> serviceLabels = service.getMetadata().getLabels();
                List<ServiceMonitor> monitors = overlay.all(ServiceMonitor.class).stream()
                        .filter(m -> NetworkReachability.matches(m.getSpec().getSelector(), serviceLabels)).toList();
                assertThat(monitors).as(overlay.name() + " ServiceMonitor of " + process.module()).hasSize(1);
                var endpoint = monitors.get(0).getSpec().getEndpoints().get(0);
                assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
                assertThat(service.getSpec().getPorts()).extracting(p -> p.getName()).contains(endpoint.getPort());
                // the job label is the Service's name, as the compose Prometheus names its jobs
                assertThat(process.module().equals("registry") ? "registry" : process.module()).isEqualTo(service.getMetadata().getName());
            }

            PrometheusRule rule = overlay.named(PrometheusRule.class, "tanchang-grid-alerts").orElseThrow();
            Map<String, Object> alerts = yamlDocuments(GeneratedManifests.read(ROOT.resolve("deploy/prometheus/alerts.yml"))).get(0);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groups = (List<Map<String, Object>>) alerts.get("groups");
            assertThat(rule.getSpec().getGroups()).extracting(g -> g.getName())
                    .containsExactlyElementsOf(groups.stream().map(g -> (String) g.get("name")).toList());
            List<String> alertNames = groups.stream().flatMap(g -> ((List<?>) g.get("rules")).stream())
                    .map(r -> (String) ((Map<?, ?>) r).get("alert")).toList();
            assertThat(rule.getSpec().getGroups().stream().flatMap(g -> g.getRules().stream()).map(r -> r.getAlert()).toList())
                    .isEqualTo(alertNames);

            for (Path dashboard : GENERATED.dashboards()) {
                ConfigMap map = overlay.named(ConfigMap.class, GeneratedManifests.dashboardConfigMapName(dashboard)).orElseThrow();
                assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
                assertThat(map.getData().get(dashboard.getFileName().toString())).as("the dashboard, verbatim")
                        .isEqualTo(Files.readString(dashboard));
            }
        }
    }

    // ---- what a process needs ----------------------------------------------------------------------------------


    /**
     * The variables a process must be given in a cluster: every {@code ${VAR:default}} of its configuration whose
     * default points at localhost or is a public development secret (derived by {@link RequiredSettings}, the same
     * derivation compose is checked with), and what a cluster adds (the registry's peers, the replication of the
     * topics, the trace backend).
     */
    static Set<String> requiredSettings(Process process) {
        Set<String> required = new TreeSet<>(REQUIRED.getOrDefault(process.module(), Set.of()));
        required.add("ZIPKIN_ENDPOINT");
        switch (process.role()) {
            case REGISTRY -> required.add("EUREKA_PEERS");
            case SERVICE -> required.add("KAFKA_REPLICATION_FACTOR");
            default -> { }
        }
        return required;
    }

    private static final Map<String, Set<String>> REQUIRED = RequiredSettings.byModule(ROOT);

    /** The secrets of a process come from a Secret, never from a ConfigMap or a literal value. */
    static Set<String> developmentKeys(Process process) {
        return RequiredSettings.byModule(ROOT, org.tanchang.grid.guard.SettingKind.SECRET).getOrDefault(process.module(), Set.of());
    }

    // ---- rendering -----------------------------------------------------------------------------------------------

    static RenderedOverlay render(String overlay) throws Exception {
        Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
        Path err = Files.createTempFile("kustomize-" + overlay, ".err");
        try {
            Process0 result = run(List.of(kubectl.get().toString(), "kustomize", K8S.resolve("overlays").resolve(overlay).toString()), out, err);
            if (result.exitCode() != 0) {
                fail("kubectl kustomize deploy/k8s/overlays/%s failed:%n%s", overlay, Files.readString(err));
            }
            List<Object> objects = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            List<Map<String, Object>> documents = yamlDocuments(Files.readString(out));
            for (Map<String, Object> document : documents) {
                try {
                    objects.add(READER.read(document));
                } catch (IllegalArgumentException e) {
                    failures.add(e.getMessage());
                }
            }
            assertThat(failures).as("objects of %s that do not read strictly into their model", overlay).isEmpty();
            for (Map<String, Object> document : documents) {
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = (Map<String, Object>) document.get("metadata");
                assertThat(metadata.get("namespace")).as(overlay + " " + StrictKubernetesReader.name(document)).isEqualTo(NAMESPACE);
            }
            Map<String, Set<String>> external = new HashMap<>();
            objects.stream().filter(MongoDBCommunity.class::isInstance).map(MongoDBCommunity.class::cast)
                    .flatMap(mongo -> mongo.spec().users().stream().map(user -> user.connectionStringSecretName() != null
                            ? user.connectionStringSecretName()
                            : mongo.metadata().getName() + "-" + user.db() + "-" + user.name()))
                    .forEach(secret -> external.put(secret, CONNECTION_STRING_KEYS));
            if (overlay.equals("production")) {
                external.putAll(DEPLOYER_SECRETS);
            }
            return new RenderedOverlay(overlay, objects, external);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static void printSummary() throws IOException {
        Set<String> kinds = new TreeSet<>();
        RENDERED.values().forEach(overlay -> kinds.addAll(overlay.countByKind().keySet()));
        StringBuilder table = new StringBuilder("| kind |");
        RENDERED.keySet().forEach(overlay -> table.append(' ').append(overlay).append(" |"));
        table.append("\n| --- |").append(" ---: |".repeat(RENDERED.size())).append('\n');
        for (String kind : kinds) {
            table.append("| ").append(kind).append(" |");
            RENDERED.values().forEach(overlay -> table.append(' ').append(overlay.countByKind().getOrDefault(kind, 0)).append(" |"));
            table.append('\n');
        }
        table.append("| **all** |");
        RENDERED.values().forEach(overlay -> table.append(" **").append(overlay.objects().size()).append("** |"));
        table.append('\n');
        System.out.println("k8s: objects per overlay (kubectl kustomize deploy/k8s/overlays/<overlay>)\n" + table);
        Files.writeString(Path.of("target/k8s-manifests-summary.md"), table.toString());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The NetworkPolicy Strimzi writes for the listeners of a Kafka cluster: each port open to its peers. */
    static NetworkPolicy strimziListenerPolicy(Kafka kafka) {
        NetworkPolicyBuilder policy = new NetworkPolicyBuilder().withNewMetadata().withName("strimzi-listeners").endMetadata()
                .withNewSpec()
                .withPodSelector(new LabelSelectorBuilder().addToMatchLabels("strimzi.io/cluster", kafka.getMetadata().getName())
                        .addToMatchLabels("strimzi.io/kind", "Kafka").build())
                .withPolicyTypes("Ingress").endSpec();
        for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
            policy.editSpec().addToIngress(new NetworkPolicyIngressRuleBuilder()
                    .withFrom(RenderedOverlay.list(listener.getNetworkPolicyPeers()))
                    .withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP")
                            .withNewPort(listener.getPort()).build()).build()).endSpec();
        }
        return policy.build();
    }

    static Set<String> sources(NetworkReachability network, List<Pod> everyone, Pod target, int port) {
        // the target itself stands for its other replicas (the registry's peers, a MongoDB member's)
        return everyone.stream().filter(pod -> network.allows(pod, target, port))
                .map(Pod::name).collect(Collectors.toCollection(TreeSet::new));
    }

    static List<String> springProcessesAnd(String... others) {
        List<String> names = new ArrayList<>(PROCESSES.stream().map(Process::module).toList());
        names.addAll(List.of(others));
        return names;
    }

    static boolean isSpringProcess(String workload) {
        return PROCESSES.stream().anyMatch(p -> p.module().equals(workload));
    }

    static void assertProbe(String what, Probe probe, String path, Container container) {
        assertThat(probe).as(what).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(what + " httpGet").isNotNull();
        assertThat(get.getPath()).as(what + " path").isEqualTo(path);
        String port = get.getPort().getStrVal();
        assertThat(container.getPorts()).extracting(ContainerPort::getName).as(what + " port").contains(port);
    }

    static void requireKubectl() {
        assumeTrue(kubectl.isPresent(), "kubectl is not on the PATH (apt-get install kubernetes-client); only the "
                + "generated manifests were compared");
    }

    static List<Map<String, Object>> yamlDocuments(String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(text)) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) document;
                documents.add(map);
            }
        }
        return documents;
    }

    /** The first differing line with three lines of context on each side. */
    static String diff(String committed, String generated) {
        List<String> a = GeneratedManifests.lines(committed);
        List<String> b = GeneratedManifests.lines(generated);
        int first = 0;
        while (first < a.size() && first < b.size() && a.get(first).equals(b.get(first))) {
            first++;
        }
        StringBuilder diff = new StringBuilder("@@ line " + (first + 1) + " (committed " + a.size() + " lines, generated "
                + b.size() + ")\n");
        for (int i = Math.max(0, first - 3); i < first; i++) {
            diff.append("  ").append(a.get(i)).append('\n');
        }
        for (int i = first; i < Math.min(a.size(), first + 4); i++) {
            diff.append("- ").append(a.get(i)).append('\n');
        }
        for (int i = first; i < Math.min(b.size(), first + 4); i++) {
            diff.append("+ ").append(b.get(i)).append('\n');
        }
        return diff.toString();
    }

    record Process0(int exitCode) {
    }

    static Process0 run(List<String> command, Path out, Path err) throws Exception {
        java.lang.Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not finish in 120 s", command);
        }
        return new Process0(process.exitValue());
    }

    static Optional<Path> onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
