package org.tanchang.grid.system.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the Docker deployment without a Docker engine: {@code docker-compose.yml}, the Prometheus configuration and
 * alert rules, and the Grafana provisioning under {@code deploy/}. The external tools ({@code docker-compose},
 * {@code promtool}, {@code bash}) are used when they are on the PATH; the structural checks always run.
 */
class ComposeFileTest {

    /** Surefire runs in the module folder: the repository root is its parent. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");

    /** A Spring Boot process of the compose file: its compose service, Maven module, port and database. */
    record SpringProcess(String service, String module, int port, String database) {
        boolean isService() {
            return database != null;
        }
    }

    static final List<SpringProcess> SPRING_PROCESSES = List.of(
            new SpringProcess("registry-1", "registry", 8761, null),
            new SpringProcess("registry-2", "registry", 8761, null),
            new SpringProcess("gateway", "gateway", 8080, null),
            new SpringProcess("console", "console", 8086, null),
            new SpringProcess("grid-service", "grid-service", 8081, "grid"),
            new SpringProcess("case-service", "case-service", 8082, "case"),
            new SpringProcess("mediation-service", "mediation-service", 8083, "mediation"),
            new SpringProcess("petition-service", "petition-service", 8084, "petition"),
            new SpringProcess("notification-service", "notification-service", 8085, "notification"),
            new SpringProcess("auth-server", "auth-server", 9000, "auth"));

    static final String EUREKA_URI = "http://registry-1:8761/eureka/,http://registry-2:8761/eureka/";

    static Map<String, Object> compose;
    static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        compose = readYaml(COMPOSE_FILE);
        services = map(compose.get("services"), "services");
    }

    // ---- docker-compose's own validation ------------------------------------------------------------------------

    @Test
    void dockerComposeAcceptsTheFile(@TempDir Path temp) throws Exception {
        Optional<Path> dockerCompose = onPath("docker-compose");
        assumeTrue(dockerCompose.isPresent(),
                "docker-compose is not on the PATH (apt-get install docker-compose); only the structural checks ran");

        // the secrets come from an env file: one with throwaway values, as an operator's .env would hold them
        ComposeEnv.throwaway(temp);
        Result result = ComposeEnv.dockerCompose(dockerCompose.get(), temp.resolve("compose.env"), "config", "-q");

        assertThat(result.exitCode()).as("docker-compose config -q:\n%s", result.output()).isZero();
    }

    // ---- the Spring Boot processes ------------------------------------------------------------------------------

    @Test
    void everySpringBootProcessIsBuiltFromTheDockerfileWithAMemoryLimit() {
        for (SpringProcess process : SPRING_PROCESSES) {
            Map<String, Object> service = service(process.service());
            Map<String, Object> build = map(service.get("build"), process.service() + ".build");
            assertThat(build.get("context")).as("%s build context", process.service()).isEqualTo(".");
            assertThat(build.getOrDefault("dockerfile", "Dockerfile")).isEqualTo("Dockerfile");
            Map<String, Object> args = map(build.get("args"), process.service() + ".build.args");
            assertThat(args.get("MODULE")).as("%s MODULE", process.service()).isEqualTo(process.module());
            assertThat(ROOT.resolve(process.module()).resolve("pom.xml")).as("module of %s", process.service()).exists();
            assertThat(String.valueOf(args.get("PORT"))).as("%s PORT", process.service()).isEqualTo(String.valueOf(process.port()));

            long limit = memoryLimit(service).orElseThrow(() -> new AssertionError(process.service() + " has no memory limit"));
            assertThat(limit).as("%s memory limit", process.service()).isBetween(256L << 20, 1L << 30);
        }
        assertThat(ROOT.resolve("Dockerfile")).exists();
        assertThat(ROOT.resolve(".dockerignore")).exists();
    }

    @Test
    void everySpringBootProcessHasAReadinessHealthcheck() {
        for (SpringProcess process : SPRING_PROCESSES) {
            String command = healthcheckCommand(process.service());
            assertThat(command).as("%s healthcheck", process.service())
                    .contains("/actuator/health/readiness")
                    .contains("/dev/tcp/127.0.0.1/" + process.port() + " ");
        }
    }

    @Test
    void everyStartIsGatedOnHealthAndTheServicesWaitForTheirInfrastructure() {
        // every dependency of every service in the file waits for health, not just for the container to start
        for (String name : services.keySet()) {
            dependsOn(name).forEach((dependency, condition) -> assertThat(condition)
                    .as("%s depends on %s", name, dependency).isEqualTo("service_healthy"));
        }
        // and every dependency has a healthcheck to wait for
        for (String name : services.keySet()) {
            for (String dependency : dependsOn(name).keySet()) {
                assertThat(service(dependency)).as("%s (a dependency of %s)", dependency, name).containsKey("healthcheck");
            }
        }
        for (SpringProcess process : SPRING_PROCESSES) {
            Map<String, String> dependsOn = dependsOn(process.service());
            if (process.isService()) {
                assertThat(dependsOn).as(process.service()).containsOnlyKeys("kafka", "mongo", "registry-1", "registry-2");
            } else if (process.service().equals("gateway")) {
                assertThat(dependsOn).as("gateway").containsKeys("registry-1", "registry-2");
            } else if (process.service().equals("console")) {
                // its live feed reads Kafka; it has no database
                assertThat(dependsOn).as("console").containsOnlyKeys("kafka", "registry-1", "registry-2");
            } else if (process.service().equals("registry-2")) {
                assertThat(dependsOn).as("registry-2").containsOnlyKeys("registry-1");
            } else {
                // registry-1 is where the start begins: it needs nothing
                assertThat(dependsOn).as("registry-1").isEmpty();
            }
        }
    }

    @Test
    void theServicesAreWiredToKafkaMongoAndBothRegistries() {
        for (SpringProcess process : SPRING_PROCESSES) {
            Map<String, String> env = environment(process.service());
            assertThat(env.get("EUREKA_INSTANCE_HOSTNAME")).as("%s instance hostname", process.service())
                    .isEqualTo(process.service());
            if (process.module().equals("registry")) {
                String peer = process.service().equals("registry-1") ? "registry-2" : "registry-1";
                assertThat(env.get("EUREKA_PEERS")).as("%s peers", process.service())
                        .isEqualTo("http://" + peer + ":8761/eureka/");
                continue;
            }
            assertThat(env.get("EUREKA_URI")).as("%s EUREKA_URI", process.service()).isEqualTo(EUREKA_URI);
            if (process.module().equals("console")) {
                assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as("console").isEqualTo("kafka:9092");
                assertThat(env).as("console: no database").doesNotContainKey("MONGODB_URI");
            }
            if (process.isService()) {
                // the auth server uses no Kafka
                assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(process.service())
                        .isEqualTo(process.module().equals("auth-server") ? null : "kafka:9092");
                assertThat(env.get("MONGODB_URI")).as(process.service())
                        .isEqualTo("mongodb://mongo:27017/" + process.database() + "?replicaSet=rs0");
            }
        }
        assertThat(list(service("gateway").get("ports"), "gateway.ports")).map(String::valueOf).contains("8080:8080");
    }

    /**
     * The console is reached only through the gateway, which signs its users in as the auth server's client
     * tanchang-console: both are given the same client secret from the env file, the auth server knows the gateway's
     * published callback and landing page, and the console is given every one of its own settings.
     */
    @Test
    void theConsoleIsReachedThroughTheGatewayWhichSignsItsUsersIn() throws IOException {
        Map<String, Object> console = service("console");
        assertThat(console).as("the console publishes no port: browsers reach it at the gateway's /console/")
                .doesNotContainKey("ports");
        Map<String, String> consoleEnv = environment("console");
        assertThat(consoleEnv.keySet()).as("the console holds no personal-data key")
                .noneMatch(name -> name.startsWith("PERSONAL_DATA_"));

        // every CONSOLE_* setting of its application.yml (but its port), so that .env can set it
        Matcher placeholder = Pattern.compile("\\$\\{(CONSOLE_[A-Z0-9_]+)")
                .matcher(Files.readString(ROOT.resolve("console/src/main/resources/application.yml")));
        Set<String> settings = new TreeSet<>();
        while (placeholder.find()) {
            settings.add(placeholder.group(1));
        }
        settings.remove("CONSOLE_PORT");
        assertThat(settings).as("the console's settings").contains("CONSOLE_TILE_URL");
        assertThat(consoleEnv).as("console settings given from .env").containsKeys(settings.toArray(String[]::new));
        settings.forEach(name -> assertThat(consoleEnv.get(name)).as(name).startsWith("${" + name + ":-"));

        Map<String, String> gateway = environment("gateway");
        Map<String, String> auth = environment("auth-server");
        assertThat(gateway.get("AUTH_CONSOLE_SECRET")).as("the gateway's client secret")
                .startsWith("${AUTH_CONSOLE_SECRET:?")
                .isEqualTo(auth.get("AUTH_CONSOLE_SECRET"));
        assertThat(gateway.get("AUTH_PUBLIC_URL")).as("where the gateway sends a browser to sign in")
                .isEqualTo(environment("grid-service").get("AUTH_PUBLIC_URL"));
        assertThat(list(service("auth-server").get("ports"), "auth-server.ports")).map(String::valueOf).contains("9000:9000");
        assertThat(gateway.get("AUTH_TOKEN_URI")).as("codes are traded inside the network")
                .isEqualTo("http://auth-server:9000/oauth2/token");
        assertThat(gateway.get("CONSOLE_TILE_URL")).as("the tile host in the console's CSP")
                .isEqualTo(consoleEnv.get("CONSOLE_TILE_URL"));
        // the gateway is published on 8080: its callback and the console's page there are what the auth server allows
        assertThat(auth.get("AUTH_CONSOLE_REDIRECT_URIS")).contains("http://localhost:8080/login/oauth2/code/tanchang");
        assertThat(auth.get("AUTH_CONSOLE_LOGOUT_URIS")).contains("http://localhost:8080/console/");
    }

    @Test
    void healthcheckCommandsPassOnlyWhileReadinessIsUp() throws Exception {
        Optional<Path> bash = onPath("bash");
        assumeTrue(bash.isPresent(), "bash is not on the PATH");

        AtomicInteger status = new AtomicInteger(200);
        List<String> paths = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = ("{\"status\":\"" + (status.get() == 200 ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            for (SpringProcess process : SPRING_PROCESSES) {
                // the same command against this server instead of the container's port
                String command = healthcheckCommand(process.service())
                        .replace("/dev/tcp/127.0.0.1/" + process.port() + " ", "/dev/tcp/127.0.0.1/" + port + " ");
                List<String> argv = List.of(bash.get().toString(), "-c", command);

                status.set(200);
                assertThat(run(argv, ROOT).exitCode()).as("%s healthcheck while UP", process.service()).isZero();
                status.set(503);
                assertThat(run(argv, ROOT).exitCode()).as("%s healthcheck while DOWN", process.service()).isNotZero();
            }
            assertThat(paths).isNotEmpty().allMatch("/actuator/health/readiness"::equals);
        } finally {
            server.stop(0);
        }
        // nothing listening: unhealthy as well
        String closed = healthcheckCommand("gateway").replace("/dev/tcp/127.0.0.1/8080 ", "/dev/tcp/127.0.0.1/1 ");
        assertThat(run(List.of(bash.get().toString(), "-c", closed), ROOT).exitCode()).isNotZero();
    }

    // ---- infrastructure ------------------------------------------------------------------------------------------

    @Test
    void kafkaRunsInKraftModeWithReplicationFactorOne() {
        Map<String, Object> kafka = service("kafka");
        assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:4.");
        Map<String, String> env = environment("kafka");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://kafka:9092");
        assertThat(env.get("KAFKA_LISTENERS")).contains(":9092").contains("CONTROLLER://");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka:9093");
        for (String key : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "KAFKA_DEFAULT_REPLICATION_FACTOR")) {
            assertThat(env.get(key)).as(key).isEqualTo("1");
        }
        assertThat(String.join(" ", healthcheckTest("kafka"))).contains("--bootstrap-server localhost:9092");
        assertThat(memoryLimit(kafka)).isPresent();
    }

    @Test
    void mongoIsASingleNodeReplicaSetThatInitiatesItself() {
        Map<String, Object> mongo = service("mongo");
        assertThat(String.valueOf(mongo.get("image"))).isEqualTo("mongo:8");
        assertThat(String.join(" ", list(mongo.get("command"), "mongo.command").stream().map(String::valueOf).toList()))
                .contains("--replSet rs0");
        assertThat(String.join(" ", healthcheckTest("mongo")))
                .contains("rs.initiate(")
                .contains("_id: 'rs0'")
                .contains("host: 'mongo:27017'");
        assertThat(memoryLimit(mongo)).isPresent();
    }

    // ---- Prometheus ------------------------------------------------------------------------------------------------

    @Test
    void prometheusScrapesEveryProcessAndLoadsTheAlertRules() throws IOException {
        Map<String, Object> prometheus = service("prometheus");
        assertThat(String.valueOf(prometheus.get("image"))).startsWith("prom/prometheus");
        assertThat(list(prometheus.get("ports"), "prometheus.ports")).map(String::valueOf).contains("9090:9090");
        Map<String, Path> mounts = bindMounts("prometheus");
        assertThat(mounts).containsEntry("/etc/prometheus/prometheus.yml", ROOT.resolve("deploy/prometheus/prometheus.yml"))
                .containsEntry("/etc/prometheus/alerts.yml", ROOT.resolve("deploy/prometheus/alerts.yml"));

        Map<String, Object> config = readYaml(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        assertThat(list(config.get("rule_files"), "rule_files")).contains("alerts.yml");
        Map<String, List<String>> targetsByJob = new LinkedHashMap<>();
        for (Object job : list(config.get("scrape_configs"), "scrape_configs")) {
            Map<String, Object> scrape = map(job, "scrape_config");
            List<String> targets = new ArrayList<>();
            for (Object staticConfig : list(scrape.getOrDefault("static_configs", List.of()), "static_configs")) {
                list(map(staticConfig, "static_config").get("targets"), "targets").forEach(t -> targets.add(String.valueOf(t)));
            }
            if ("/actuator/prometheus".equals(scrape.get("metrics_path"))) {
                targetsByJob.put(String.valueOf(scrape.get("job_name")), targets);
            }
        }
        for (SpringProcess process : SPRING_PROCESSES) {
            assertThat(targetsByJob).as("a job with metrics_path /actuator/prometheus for %s", process.service())
                    .containsKey(process.module());
            assertThat(targetsByJob.get(process.module())).as("targets of job %s", process.module())
                    .contains(process.service() + ":" + process.port());
        }

        Map<String, Object> rules = readYaml(ROOT.resolve("deploy/prometheus/alerts.yml"));
        Map<String, String> alerts = new LinkedHashMap<>();
        for (Object group : list(rules.get("groups"), "groups")) {
            for (Object rule : list(map(group, "group").get("rules"), "rules")) {
                Map<String, Object> r = map(rule, "rule");
                alerts.put(String.valueOf(r.get("alert")), String.valueOf(r.get("expr")));
            }
        }
        assertThat(alerts).containsKeys("InstanceDown", "HighServerErrorRate", "HighLatencyP99", "OutboxBacklogGrowing",
                "EventsDeadLettered", "OutboxEventWaiting", "KafkaConsumerLagHigh", "KafkaConsumerGroupStalled",
                "ServiceBelowDesiredInstances", "AuditChainBroken", "AuditChainNotVerified", "OverdueWorkRising");
        assertThat(alerts.get("InstanceDown")).contains("up == 0");
        assertThat(alerts.get("OutboxBacklogGrowing")).contains("tanchang_outbox_pending").contains("> 100");
        assertThat(alerts.get("EventsDeadLettered")).contains("tanchang_events_dead_lettered_total");
        assertThat(alerts.get("HighServerErrorRate")).contains("status=~\"5..\"");
        assertThat(alerts.get("HighLatencyP99")).contains("histogram_quantile(0.99")
                .as("a traffic floor").contains("and").contains("http_server_requests_seconds_count");
        // the client's records_lag_max is NaN whenever a consumer fetched nothing lately: the broker's books instead
        assertThat(alerts.get("KafkaConsumerLagHigh")).contains("tanchang_events_consumer_lag_records")
                .doesNotContain("records_lag_max");
        assertThat(alerts.get("OutboxEventWaiting")).contains("tanchang_outbox_oldest_age_seconds").contains("> 60");
    }

    /** Every alert of alerts.yml has a promtool case where it fires and one where it does not. */
    @Test
    void everyAlertHasAFiringAndANotFiringTestCase() throws IOException {
        Map<String, Object> rules = readYaml(ROOT.resolve("deploy/prometheus/alerts.yml"));
        List<String> alertNames = new ArrayList<>();
        for (Object group : list(rules.get("groups"), "groups")) {
            for (Object rule : list(map(group, "group").get("rules"), "rules")) {
                Object alert = map(rule, "rule").get("alert");
                if (alert != null) {
                    alertNames.add(String.valueOf(alert));
                }
            }
        }
        Map<String, Object> tests = readYaml(ROOT.resolve("deploy/prometheus/alerts.test.yml"));
        Map<String, Integer> firing = new LinkedHashMap<>();
        Map<String, Integer> silent = new LinkedHashMap<>();
        for (Object test : list(tests.get("tests"), "tests")) {
            for (Object check : list(map(test, "test").getOrDefault("alert_rule_test", List.of()), "alert_rule_test")) {
                Map<String, Object> c = map(check, "alert_rule_test");
                String name = String.valueOf(c.get("alertname"));
                boolean fires = !list(c.getOrDefault("exp_alerts", List.of()), "exp_alerts").isEmpty();
                (fires ? firing : silent).merge(name, 1, Integer::sum);
            }
        }
        for (String alert : alertNames) {
            assertThat(firing).as("a promtool case in alerts.test.yml where %s fires", alert).containsKey(alert);
            assertThat(silent).as("a promtool case in alerts.test.yml where %s stays silent", alert).containsKey(alert);
        }
    }

    @Test
    void promtoolAcceptsTheConfigTheRulesTheirTestsAndTheDashboardQueries(@TempDir Path temp) throws Exception {
        Optional<Path> promtool = onPath("promtool");
        assumeTrue(promtool.isPresent(), "promtool is not on the PATH (apt-get install prometheus)");
        Path deploy = ROOT.resolve("deploy/prometheus");
        String tool = promtool.get().toString();

        for (List<String> check : List.of(
                List.of(tool, "check", "config", "prometheus.yml"),
                List.of(tool, "check", "rules", "alerts.yml"),
                List.of(tool, "test", "rules", "alerts.test.yml"))) {
            Result result = run(check, deploy);
            assertThat(result.exitCode()).as("%s:\n%s", String.join(" ", check.subList(1, check.size())), result.output())
                    .isZero();
        }

        // the dashboard's queries, with Grafana's variables filled in, as recording rules: promtool parses each one
        StringBuilder recording = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int i = 0;
        for (String expr : dashboardExpressions()) {
            String promql = PromQl.fromGrafana(expr);
            recording.append("      - record: dashboard:query").append(i++).append('\n')
                    .append("        expr: '").append(promql.replace("'", "''")).append("'\n");
        }
        Path rulesFile = temp.resolve("dashboard-queries.yml");
        Files.writeString(rulesFile, recording);
        Result result = run(List.of(tool, "check", "rules", rulesFile.toString()), temp);
        assertThat(result.exitCode()).as("dashboard queries:\n%s\n%s", recording, result.output()).isZero();
    }

    // ---- Grafana ---------------------------------------------------------------------------------------------------

    @Test
    void grafanaIsProvisionedWithThePrometheusDatasourceAndTheDashboard() throws IOException {
        Map<String, Object> grafana = service("grafana");
        assertThat(String.valueOf(grafana.get("image"))).startsWith("grafana/grafana");
        assertThat(list(grafana.get("ports"), "grafana.ports")).map(String::valueOf).contains("3000:3000");
        Map<String, Path> mounts = bindMounts("grafana");
        Path provisioning = mounts.get("/etc/grafana/provisioning");
        Path dashboards = mounts.get("/etc/grafana/dashboards");
        assertThat(provisioning).isDirectory();
        assertThat(dashboards).isDirectory();

        Map<String, Object> datasources = readYaml(provisioning.resolve("datasources/prometheus.yml"));
        Map<String, Object> datasource = map(list(datasources.get("datasources"), "datasources").get(0), "datasource");
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("uid", "prometheus")
                .containsEntry("url", "http://prometheus:9090");

        Map<String, Object> providers = readYaml(provisioning.resolve("dashboards/tanchang-grid.yml"));
        Map<String, Object> provider = map(list(providers.get("providers"), "providers").get(0), "provider");
        assertThat(map(provider.get("options"), "options")).containsEntry("path", "/etc/grafana/dashboards");

        String queries = String.join("\n", dashboardExpressions());
        assertThat(queries).contains(
                "http_server_requests_seconds_count",                 // request rate and 5xx
                "histogram_quantile(0.99",                            // p99 latency
                "http_server_requests_seconds_bucket",
                "status=~\"5..\"",
                "jvm_memory_used_bytes{job=~\"$job\", area=\"heap\"}",
                "tanchang_events_consumer_lag_records",
                "tanchang_patrol_reports_submitted_total",
                "tanchang_outbox_pending",
                "tanchang_events_published_total",
                "tanchang_events_consumed_total",
                "tanchang_events_dead_lettered_total");
        assertThat(String.valueOf(environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")))
                .startsWith("/etc/grafana/dashboards/")
                .satisfies(path -> assertThat(dashboards.resolve(Path.of(path).getFileName())).exists());
    }

    /** One dashboard per process kind of the suite, and the county's business figures. */
    @Test
    void thereIsADashboardPerServiceAndOneForTheCounty() throws IOException {
        Path dashboards = ROOT.resolve("deploy/grafana/dashboards");
        List<String> uids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dashboards)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                uids.add(String.valueOf(readYaml(file).get("uid")));
            }
        }
        assertThat(uids).doesNotHaveDuplicates();
        for (SpringProcess process : SPRING_PROCESSES) {
            assertThat(uids).as("a dashboard of %s", process.module()).contains("tanchang-" + process.module());
        }
        assertThat(uids).contains("tanchang-county");
        String county = String.join("\n", dashboardExpressions(dashboards.resolve("tanchang-county.json")));
        assertThat(county).as("the county's figures").contains("tanchang_patrol_reports_submitted_total",
                "tanchang_patrol_findings_total", "tanchang_incidents", "tanchang_disputes", "tanchang_requests",
                "tanchang_incidents_overdue", "tanchang_disputes_overdue", "tanchang_followup_visits_overdue",
                "tanchang_requests_overdue");
    }

    /**
     * Every panel of every dashboard (rows aside) has a query, and every metric that a panel or an alert rule reads
     * is listed in deploy/prometheus/metrics.txt (which FanOutSystemIT holds against the running suite) or is a
     * recording rule of alerts.yml: a misspelt or renamed metric fails here, not on a blank panel in production.
     */
    @Test
    void everyPanelAndRuleReadsOnlyMetricsTheSuiteServes() throws IOException {
        Set<String> catalogue = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/prometheus/metrics.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                catalogue.add(line.trim().split("\\s+")[0]);
            }
        }
        Map<String, Object> rules = readYaml(ROOT.resolve("deploy/prometheus/alerts.yml"));
        Map<String, String> reads = new LinkedHashMap<>();   // expression -> where
        for (Object group : list(rules.get("groups"), "groups")) {
            for (Object rule : list(map(group, "group").get("rules"), "rules")) {
                Map<String, Object> r = map(rule, "rule");
                if (r.get("record") != null) {
                    catalogue.add(String.valueOf(r.get("record")));
                }
                reads.put(String.valueOf(r.get("expr")), "alerts.yml " + r.getOrDefault("alert", r.get("record")));
            }
        }
        int panels = 0;
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/grafana/dashboards"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (Map<String, Object> panel : leafPanels(readYaml(file).get("panels"))) {
                    panels++;
                    List<String> exprs = list(panel.getOrDefault("targets", List.of()), "targets").stream()
                            .map(t -> map(t, "target").get("expr")).filter(e -> e != null && !String.valueOf(e).isBlank())
                            .map(String::valueOf).toList();
                    assertThat(exprs).as("queries of panel '%s' of %s", panel.get("title"), file.getFileName())
                            .isNotEmpty();
                    exprs.forEach(e -> reads.put(e, file.getFileName() + " '" + panel.get("title") + "'"));
                }
            }
        }
        assertThat(panels).isGreaterThan(100);
        List<String> unknown = new ArrayList<>();
        reads.forEach((expr, where) -> PromQl.metricNames(PromQl.fromGrafana(expr)).stream()
                .filter(name -> !catalogue.contains(name)).forEach(name -> unknown.add(name + " (" + where + ")")));
        assertThat(unknown).as("metrics not in deploy/prometheus/metrics.txt").isEmpty();
    }

    private static List<Map<String, Object>> leafPanels(Object panels) {
        List<Map<String, Object>> leaves = new ArrayList<>();
        for (Object panel : list(panels, "panels")) {
            Map<String, Object> p = map(panel, "panel");
            if ("row".equals(p.get("type"))) {
                leaves.addAll(leafPanels(p.getOrDefault("panels", List.of())));
            } else {
                leaves.add(p);
            }
        }
        return leaves;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static Map<String, Object> readYaml(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(500);   // the compose file shares its common blocks through YAML anchors
        Yaml yaml = new Yaml(new SafeConstructor(options));
        return map(yaml.load(Files.readString(file)), file.toString());
    }

    static Map<String, Object> service(String name) {
        assertThat(services).as("services of docker-compose.yml").containsKey(name);
        return map(services.get(name), name);
    }

    /** depends_on in either form: a list of names (condition service_started) or a map of name to condition. */
    static Map<String, String> dependsOn(String name) {
        Object dependsOn = service(name).get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> names) {
            names.forEach(n -> result.put(String.valueOf(n), "service_started"));
        } else if (dependsOn instanceof Map<?, ?> conditions) {
            conditions.forEach((n, c) -> result.put(String.valueOf(n),
                    String.valueOf(map(c, name + ".depends_on." + n).getOrDefault("condition", "service_started"))));
        }
        return result;
    }

    /** environment in either form: a map, or a list of NAME=value. */
    static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> values) {
            values.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] kv = String.valueOf(entry).split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return result;
    }

    static List<String> healthcheckTest(String name) {
        Map<String, Object> healthcheck = map(service(name).get("healthcheck"), name + ".healthcheck");
        assertThat(healthcheck.get("disable")).as("%s healthcheck disabled", name).isNotEqualTo(true);
        Object test = healthcheck.get("test");
        if (test instanceof String command) {
            return List.of("CMD-SHELL", command);
        }
        return list(test, name + ".healthcheck.test").stream().map(String::valueOf).toList();
    }

    /** The shell command of a Spring Boot process's healthcheck: ["CMD", "bash", "-c", command] or CMD-SHELL. */
    static String healthcheckCommand(String name) {
        List<String> test = healthcheckTest(name);
        if (test.get(0).equals("CMD-SHELL")) {
            return test.get(1);
        }
        assertThat(test).as("%s healthcheck", name).hasSize(4).startsWith("CMD", "bash", "-c");
        return test.get(3);
    }

    static Optional<Long> memoryLimit(Map<String, Object> service) {
        Object limit = service.get("mem_limit");
        if (limit == null && service.get("deploy") instanceof Map<?, ?> deploy
                && deploy.get("resources") instanceof Map<?, ?> resources
                && resources.get("limits") instanceof Map<?, ?> limits) {
            limit = limits.get("memory");
        }
        return Optional.ofNullable(limit).map(String::valueOf).map(ComposeFileTest::bytes);
    }

    static long bytes(String size) {
        Matcher m = Pattern.compile("(?i)^(\\d+)\\s*([kmg]?)b?$").matcher(size.trim());
        assertThat(m.matches()).as("memory size %s", size).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    /** Short-syntax bind mounts of a service (./host:/container[:ro]): container path to host path. */
    static Map<String, Path> bindMounts(String name) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (Object volume : list(service(name).getOrDefault("volumes", List.of()), name + ".volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts[0].startsWith("./")) {
                Path host = ROOT.resolve(parts[0].substring(2)).normalize();
                assertThat(host).as("bind mount source of %s", name).exists();
                mounts.put(parts[1], host);
            }
        }
        return mounts;
    }

    static List<String> dashboardExpressions() throws IOException {
        Path dashboards = ROOT.resolve("deploy/grafana/dashboards");
        List<Path> files;
        try (Stream<Path> list = Files.list(dashboards)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("dashboards in %s", dashboards).isNotEmpty();
        return dashboardExpressions(files.toArray(Path[]::new));
    }

    static List<String> dashboardExpressions(Path... files) throws IOException {
        List<String> expressions = new ArrayList<>();
        for (Path file : files) {
            Map<String, Object> dashboard = readYaml(file);   // JSON is YAML
            assertThat(dashboard).containsKeys("uid", "title", "panels");
            collectExpressions(dashboard.get("panels"), expressions);
        }
        return expressions;
    }

    private static void collectExpressions(Object panels, List<String> into) {
        for (Object panel : list(panels, "panels")) {
            Map<String, Object> p = map(panel, "panel");
            for (Object target : list(p.getOrDefault("targets", List.of()), "targets")) {
                Object expr = map(target, "target").get("expr");
                if (expr != null) {
                    into.add(String.valueOf(expr));
                }
            }
            if (p.get("panels") != null) {
                collectExpressions(p.get("panels"), into);   // panels inside collapsed rows
            }
        }
    }

    static Optional<Path> onPath(String executable) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command, Path directory) throws IOException, InterruptedException {
        Path output = Files.createTempFile("compose-file-test", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
