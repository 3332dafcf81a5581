package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.system.compose.PromQl;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The checks of the alert rules and dashboards against a real Prometheus scraping the running suite. Kept apart
 * from any one test class so that a suite started for other checks (FanOutSystemIT) can run them too: start
 * {@link LivePrometheus} after the suite, call the steps in order, close it before the suite stops.
 */
final class LiveMetricsChecks {

    /**
     * Consumer groups that the checks' traffic (patrol reports) reaches, whose lag the producing services must report.
     * A group appears with its first committed offset on a watched topic: petition-service's group, which reads only
     * service requests, has none until the first request.
     */
    static final Set<String> CONSUMER_GROUPS = Set.of("case-service", "mediation-service", "notification-service",
            "grid-service-statistics");

    private final LivePrometheus prometheus;

    LiveMetricsChecks(LivePrometheus prometheus) {
        this.prometheus = prometheus;
    }

    static String report(String gridCode, int n) {
        return """
                {"gridCode":"%s",
                 "startedAt":"2026-01-05T09:00:00+08:00","endedAt":"2026-01-05T10:%02d:00+08:00",
                 "findings":[
                   {"kind":"DISPUTE","description":"牛群踩踏药苗 %d","location":{"longitude":104.392,"latitude":34.047},
                    "dispute":{"type":"LIVESTOCK_DAMAGE","riskLevel":"LOW","parties":[
                      {"kind":"PERSON","role":"APPLICANT","name":"杨某","claims":"赔偿"},
                      {"kind":"PERSON","role":"RESPONDENT","name":"马某"}]}},
                   {"kind":"INCIDENT","description":"田间党参被盗 %d","location":{"longitude":104.395,"latitude":34.049}}]}
                """.formatted(gridCode, n % 60, n, n);
    }

    static void submitReports(ApiClient member, String gridCode, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(member.post("/api/patrol-reports", report(gridCode, i)).status()).isEqualTo(201);
        }
    }

    /** A record no consumer can read (no CloudEvents headers): dead-lettered by every group that reads the topic. */
    static void sendUnreadableRecord(String topic) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "live-metrics-check", "not an event")).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    void everyTargetIsUp() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(prometheus.query("up == 1")).map(s -> s.label("job"))
                        .containsExactlyInAnyOrderElementsOf(LivePrometheus.JOBS.keySet()));
    }

    /** Every expression of deploy/prometheus/alerts.yml, by alert or recorded name. */
    static Map<String, String> ruleExpressions() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(Suite.ROOT.resolve("deploy/prometheus/alerts.yml")));
        Map<String, String> expressions = new LinkedHashMap<>();
        int i = 0;
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> r = (Map<?, ?>) rule;
                String name = r.get("alert") != null ? "alert " + r.get("alert") : "record " + r.get("record") + " #" + i++;
                expressions.put(name, String.valueOf(r.get("expr")));
            }
        }
        return expressions;
    }

    /**
     * Every metric an alert or recording rule reads exists in the running suite, and none of its series is NaN.
     * Returns the series count per metric.
     */
    Map<String, Integer> everyRuleInputExistsAndIsANumber() throws IOException {
        Set<String> names = new TreeSet<>();
        ruleExpressions().values().forEach(expr -> names.addAll(PromQl.metricNames(expr)));
        Map<String, Integer> counts = new TreeMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (String name : names) {
                List<LivePrometheus.Sample> series = prometheus.query(name);
                assertThat(series).as("series of %s (read by the alert rules)", name).isNotEmpty();
                assertThat(series).as("NaN series of %s", name).noneMatch(s -> s.value().equals("NaN"));
                counts.put(name, series.size());
            }
        });
        return counts;
    }

    /** Every rule was evaluated against the real series without an error (health ok). Returns the rules by state. */
    Map<String, String> everyRuleEvaluates() {
        Map<String, String> states = new TreeMap<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode groups = prometheus.data("/api/v1/rules").get("groups");
            List<String> unhealthy = new ArrayList<>();
            for (JsonNode group : groups) {
                for (JsonNode rule : group.get("rules")) {
                    String name = rule.get("name").asString();
                    if (!"ok".equals(rule.get("health").asString())) {
                        unhealthy.add(name + ": " + rule.get("health").asString() + " " + rule.path("lastError").asString(""));
                    }
                    states.put(name, rule.has("state") ? rule.get("state").asString() : "recording");
                }
            }
            assertThat(unhealthy).as("rules that could not be evaluated").isEmpty();
        });
        return states;
    }

    /** The lag expression yields one value per consumer group (and topic), every one a number. */
    Map<String, Double> lagPerGroup() {
        Map<String, Double> lag = new TreeMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<LivePrometheus.Sample> samples = prometheus.query("max by (group) (tanchang_events_consumer_lag_records)");
            samples.forEach(s -> lag.put(s.label("group"), s.number()));
            assertThat(lag.keySet()).containsAll(CONSUMER_GROUPS);
            assertThat(lag.values()).noneMatch(v -> v.isNaN());
            // one series per group, topic and scraping instance: nothing reported twice by one process
            assertThat(prometheus.query(
                    "count by (instance, group, topic) (tanchang_events_consumer_lag_records) > 1")).isEmpty();
        });
        return lag;
    }

    /**
     * For the record: the Kafka client's own lag series (how many, how many NaN, how many share a partition) and
     * the NaN series of the whole suite (the clients' windowed averages and maxima are NaN while nothing was
     * recorded in their window).
     */
    Map<String, Integer> kafkaClientLagFigures() {
        Map<String, Integer> figures = new LinkedHashMap<>();
        for (String name : List.of("kafka_consumer_fetch_manager_records_lag_max", "kafka_consumer_fetch_manager_records_lag")) {
            List<LivePrometheus.Sample> series = prometheus.query(name);
            figures.put(name + " series", series.size());
            figures.put(name + " NaN", (int) series.stream().filter(s -> s.value().equals("NaN")).count());
        }
        // every series of the suite, counted here rather than by a PromQL comparison (which drops the names)
        List<LivePrometheus.Sample> all = prometheus.query("{__name__=~\".+\"}");
        figures.put("series of the suite", all.size());
        figures.put("NaN series of the suite", (int) all.stream().filter(s -> s.value().equals("NaN")).count());
        figures.put("NaN series of the Kafka clients", (int) all.stream()
                .filter(s -> s.label("__name__").startsWith("kafka_") && s.value().equals("NaN")).count());
        figures.put("Kafka fetch-manager series per topic (topic tag set)", (int) all.stream()
                .filter(s -> s.label("__name__").startsWith("kafka_consumer_fetch_manager_") && !s.label("topic").isEmpty())
                .count());
        figures.put("of which Kafka's deprecated copies (topic with _ for .)", deprecatedTopicCopies(all).size());
        return figures;
    }

    /**
     * Kafka's consumer registers every per-topic fetch metric twice: with the topic's name and, deprecated, with its
     * dots replaced by underscores. The suite's topic names all contain dots, so a dot-less underscored topic tag is
     * such a copy; the platform's meter filter drops them.
     */
    static List<String> deprecatedTopicCopies(List<LivePrometheus.Sample> series) {
        return series.stream().filter(s -> s.label("__name__").startsWith("kafka_consumer_fetch_manager_"))
                .map(s -> s.label("topic")).filter(t -> !t.isEmpty() && !t.contains(".") && t.contains("_"))
                .toList();
    }

    void noKafkaMetricIsReportedTwice() {
        List<LivePrometheus.Sample> fetch = prometheus.query("{__name__=~\"kafka_consumer_fetch_manager_.+\"}");
        assertThat(deprecatedTopicCopies(fetch)).as("Kafka's deprecated per-topic copies").isEmpty();
    }

    /** Every query of every dashboard panel runs, and every metric it reads exists in the running suite. */
    Map<String, Integer> everyDashboardQueryRuns() throws IOException {
        Map<String, Integer> resultsPerQuery = new LinkedHashMap<>();
        List<String> expressions = dashboardExpressions();
        assertThat(expressions).isNotEmpty();
        Set<String> known = new TreeSet<>();
        prometheus.data("/api/v1/label/__name__/values").forEach(n -> known.add(n.asString()));
        List<String> missing = new ArrayList<>();
        for (String expr : expressions) {
            String promql = PromQl.fromGrafana(expr);
            resultsPerQuery.put(expr, prometheus.query(promql).size());
            PromQl.metricNames(promql).stream().filter(n -> !known.contains(n)).forEach(n -> missing.add(n + " in " + expr));
        }
        assertThat(missing).as("metrics read by dashboards that the running suite does not serve").isEmpty();
        return resultsPerQuery;
    }

    /** Every metric of deploy/prometheus/metrics.txt is served by the running suite. Returns the series counts. */
    Map<String, Integer> everyCataloguedMetricIsServed() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> names = Files.readAllLines(Suite.ROOT.resolve("deploy/prometheus/metrics.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.trim().split("\\s+")[0])
                .toList();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> missing = new ArrayList<>();
            for (String name : names) {
                int n = prometheus.query(name).size();
                counts.put(name, n);
                if (n == 0) {
                    missing.add(name);
                }
            }
            assertThat(missing).as("metrics of deploy/prometheus/metrics.txt the running suite does not serve").isEmpty();
        });
        return counts;
    }

    static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        try (var files = Files.list(Suite.ROOT.resolve("deploy/grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Map<String, Object> dashboard = new Yaml().load(Files.readString(file));
                collect((List<?>) dashboard.get("panels"), expressions);
            }
        }
        return expressions;
    }

    private static void collect(List<?> panels, List<String> into) {
        for (Object panel : panels) {
            Map<?, ?> p = (Map<?, ?>) panel;
            if (p.get("targets") instanceof List<?> targets) {
                targets.forEach(t -> {
                    if (((Map<?, ?>) t).get("expr") != null) {
                        into.add(String.valueOf(((Map<?, ?>) t).get("expr")));
                    }
                });
            }
            if (p.get("panels") instanceof List<?> inner) {
                collect(inner, into);
            }
        }
    }

    /** Every tanchang_* metric family carries a description in its # HELP line (Prometheus's metadata API). */
    Map<String, String> everyOwnMetricIsDescribed() {
        JsonNode metadata = prometheus.data("/api/v1/metadata");
        Map<String, String> help = new TreeMap<>();
        metadata.properties().forEach(e -> {
            if (e.getKey().startsWith("tanchang")) {
                for (JsonNode entry : e.getValue()) {
                    help.merge(e.getKey(), entry.get("help").asString().trim(),
                            (a, b) -> a.isEmpty() || b.isEmpty() ? "" : a);
                }
            }
        });
        assertThat(help).isNotEmpty();
        assertThat(help.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList())
                .as("tanchang metrics with an empty # HELP").isEmpty();
        return help;
    }

    /**
     * With {@code service} stopped, its groups' lag is still measured (by the producers of the topics it reads) and
     * grows as reports come in; the instance alert's expression names the job. Returns the lag per topic.
     */
    Map<String, Double> lagOfAStoppedConsumerIsVisible(String group, String job, Runnable traffic) {
        traffic.run();
        Map<String, Double> lag = new TreeMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            lag.clear();
            prometheus.query("max by (topic) (tanchang_events_consumer_lag_records{group=\"" + group + "\"})")
                    .forEach(s -> lag.put(s.label("topic"), s.number()));
            assertThat(lag.values()).as("lag of %s while it is stopped", group).anyMatch(v -> v > 0);
            assertThat(prometheus.query("tanchang:instances_up < on (job) tanchang:instances_desired"))
                    .map(s -> s.label("job")).contains(job);
        });
        return lag;
    }

    static String figures(Map<?, ?> map) {
        return map.entrySet().stream().map(e -> "  " + e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    static String topicOfUnreadableRecord() {
        return Topics.PUBLICITY;   // read by grid-service's statistics only
    }
}
