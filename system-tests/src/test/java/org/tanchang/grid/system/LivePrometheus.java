package org.tanchang.grid.system;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tanchang.grid.platform.test.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus (Debian's {@code prometheus} package, which {@code .ci/run} installs with promtool) scraping
 * every process of the running suite every second with the suite's own alert rules
 * ({@code deploy/prometheus/alerts.yml}), and a small client of its HTTP API. The configuration is generated from
 * the suite's ports (the same variables run.sh reads), so the rules meet the series the processes really serve.
 */
final class LivePrometheus implements AutoCloseable {

    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("PROMETHEUS_PORT", "9090"));

    /** Job (as in deploy/prometheus/prometheus.yml) to port, with run.sh's variables and defaults. */
    static final Map<String, Integer> JOBS = jobs();

    private final Process process;
    private final ApiClient api;

    private LivePrometheus(Process process) {
        this.process = process;
        this.api = new ApiClient("http://127.0.0.1:" + PORT).unvalidated();   // Prometheus, not one of ours
    }

    static Optional<Path> binary() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "prometheus"))
                .filter(Files::isExecutable).findFirst();
    }

    static LivePrometheus start(Path binary, Path work) throws IOException, InterruptedException {
        deleteRecursively(work);
        Files.createDirectories(work);
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                """.formatted(Suite.ROOT.resolve("deploy/prometheus/alerts.yml")));
        JOBS.forEach((job, port) -> config.append("""
                  - job_name: %s
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["localhost:%d"]
                """.formatted(job, port)));
        Path file = work.resolve("prometheus.yml");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + file,
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + PORT,
                "--storage.tsdb.retention.time=1h")
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        LivePrometheus prometheus = new LivePrometheus(process);
        for (int i = 0; i < 60; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(work.resolve("prometheus.log")));
            }
            try {
                if (prometheus.api.get("/-/ready").status() == 200) {
                    return prometheus;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        prometheus.close();
        throw new IllegalStateException("prometheus not ready in 30 s; see " + work.resolve("prometheus.log"));
    }

    /** One sample of an instant vector: its labels (with __name__ when the result has one) and value as text. */
    record Sample(Map<String, String> labels, String value) {
        String label(String name) {
            return labels.getOrDefault(name, "");
        }

        double number() {
            return Double.parseDouble(value);
        }
    }

    /** An instant query; fails on a query error (bad syntax, a rule that cannot be evaluated ...). */
    List<Sample> query(String promql) {
        JsonNode data = data("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        List<Sample> samples = new ArrayList<>();
        if (!data.get("resultType").asString().equals("vector")) {
            throw new IllegalStateException(promql + " is a " + data.get("resultType").asString() + ", not a vector");
        }
        for (JsonNode sample : data.get("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            sample.get("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
            samples.add(new Sample(labels, sample.get("value").get(1).asString()));
        }
        return samples;
    }

    /** The result of a GET on the API, or an exception naming the error Prometheus gave. */
    JsonNode data(String path) {
        ApiClient.Response response = api.get(path);
        JsonNode body = response.json();
        if (response.status() != 200 || body == null || !"success".equals(body.get("status").asString())) {
            throw new IllegalStateException("GET " + path + ": " + response.status() + " " + response.text());
        }
        return body.get("data");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static Map<String, Integer> jobs() {
        Map<String, String> env = System.getenv();
        Map<String, Integer> jobs = new LinkedHashMap<>();
        jobs.put("registry", Integer.parseInt(env.getOrDefault("REGISTRY_PORT", "8761")));
        jobs.put("gateway", Integer.parseInt(env.getOrDefault("GATEWAY_PORT", "8080")));
        jobs.put("grid-service", Integer.parseInt(env.getOrDefault("GRID_SERVICE_PORT", "8081")));
        jobs.put("case-service", Integer.parseInt(env.getOrDefault("CASE_SERVICE_PORT", "8082")));
        jobs.put("mediation-service", Integer.parseInt(env.getOrDefault("MEDIATION_SERVICE_PORT", "8083")));
        jobs.put("petition-service", Integer.parseInt(env.getOrDefault("PETITION_SERVICE_PORT", "8084")));
        jobs.put("notification-service", Integer.parseInt(env.getOrDefault("NOTIFICATION_SERVICE_PORT", "8085")));
        jobs.put("auth-server", Integer.parseInt(env.getOrDefault("AUTH_SERVER_PORT", "9000")));
        jobs.put("console", Integer.parseInt(env.getOrDefault("CONSOLE_PORT", "8086")));
        return jobs;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
