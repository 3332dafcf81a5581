package org.tanchang.grid.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline as a county's busiest hour sees it: patrol reports with a DISPUTE and an INCIDENT finding posted
 * open-loop (at a fixed rate, whatever the answers do) through the gateway with a real grid member's token, and for
 * each acknowledged report the moment its follow-up visit and its incident were published, taken from the records'
 * Kafka timestamps: the services publish an event only after the write that carries it is stored, so that moment is
 * an upper bound of "readable". Also: consumer lag of every group after the last report, and the CPU the suite's
 * processes spent per report (from {@code /proc}, over the measured window).
 *
 * <p>Usage (environment {@code BENCH_TOKEN}; {@code bench/performance.sh} runs it):
 * {@code PipelineBenchmark <gateway> <bootstrap> <rate/s> <seconds> [warm-up seconds] [pid dir] [label]}.
 */
public final class PipelineBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GRID = "621223101001001";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> TOPICS = List.of("mediation.follow-up-visits.v1", "case.incidents.v1");

    /** One report sent: its send time, answer time and status, and when its visit and incident were published. */
    static final class Sent {
        final long sentAtMs = System.currentTimeMillis();
        final long sentNanos = System.nanoTime();
        volatile long answeredNanos;
        volatile int status = -1;
        volatile String reportId;
        volatile boolean measured;
    }

    private final String gateway;
    private final String token = System.getenv("BENCH_TOKEN");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Long> visitPublished = new ConcurrentHashMap<>();    // by report id
    private final Map<String, Long> incidentPublished = new ConcurrentHashMap<>(); // by report id
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final LocalDate day = LocalDate.now().minusDays(1);

    private PipelineBenchmark(String gateway) {
        this.gateway = gateway;
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("set BENCH_TOKEN to a grid member's access token (auth-server/user-token.sh)");
        }
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        String bootstrap = args.length > 1 ? args[1] : "localhost:9092";
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        Path pidDir = args.length > 5 ? Path.of(args[5]) : null;
        String label = args.length > 6 ? args[6] : rate + "/s";
        new PipelineBenchmark(gateway).run(bootstrap, rate, seconds, warmUp, pidDir, label);
    }

    private void run(String bootstrap, double rate, int seconds, int warmUp, Path pidDir, String label)
            throws Exception {
        Thread reader = startReader(bootstrap);
        if (warmUp > 0) {
            // the same load, unmeasured: the JITs, pools and caches of every process on the path warm up
            send(rate, warmUp, false);
            awaitLag(bootstrap, Duration.ofSeconds(60));
        }
        sent.clear();
        Map<String, Long> cpuBefore = cpuTicks(pidDir);
        long t0 = System.nanoTime();
        send(rate, seconds, true);
        long lastSent = System.nanoTime();
        double sendSeconds = (lastSent - t0) / 1e9;
        awaitAnswers();
        long drainMs = awaitLag(bootstrap, Duration.ofSeconds(180));
        Map<String, Long> cpuAfter = cpuTicks(pidDir);
        awaitEffects(Duration.ofSeconds(10));
        reading.set(false);
        reader.join(5000);
        report(label, rate, seconds, sendSeconds, drainMs, cpuBefore, cpuAfter);
    }

    // ---- load --------------------------------------------------------------------------------------------------

    private void send(double rate, int seconds, boolean measured) throws InterruptedException {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = Math.round(1_000_000 / rate);
        long count = Math.round(rate * seconds);
        java.util.concurrent.atomic.AtomicLong issued = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        clock.scheduleAtFixedRate(() -> {
            if (issued.incrementAndGet() > count) {
                done.countDown();
                return;
            }
            sendOne(measured);
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        done.await();
        clock.shutdownNow();
    }

    private void sendOne(boolean measured) {
        Sent s = new Sent();
        s.measured = measured;
        sent.add(s);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/patrol-reports")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body())).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            s.answeredNanos = System.nanoTime();
            if (error == null && response.statusCode() == 201) {
                s.reportId = JSON.readTree(response.body()).get("id").asString();
            }
            s.status = error != null ? 0 : response.statusCode();
        });
    }

    private String body() {
        return """
                {"gridCode":"%s",
                 "startedAt":"%sT09:00:00+08:00","endedAt":"%sT11:30:00+08:00",
                 "findings":[
                   {"kind":"DISPUTE","description":"牧民的牛群踩踏了十余户药农的覆膜药苗","location":{"longitude":104.392,"latitude":34.047},
                    "dispute":{"type":"LIVESTOCK_DAMAGE","riskLevel":"MEDIUM","parties":[
                      {"kind":"PERSON","role":"APPLICANT","name":"杨某","claims":"赔偿覆膜药苗损失"},
                      {"kind":"PERSON","role":"RESPONDENT","name":"马某"}]}},
                   {"kind":"INCIDENT","description":"田间党参被盗","location":{"longitude":104.395,"latitude":34.049}}]}
                """.formatted(GRID, day, day);
    }

    private void awaitAnswers() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.plusSeconds(5).toNanos();
        while (sent.stream().anyMatch(s -> s.status == -1) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void awaitEffects(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && sent.stream().filter(s -> s.reportId != null)
                .anyMatch(s -> !visitPublished.containsKey(s.reportId) || !incidentPublished.containsKey(s.reportId))) {
            Thread.sleep(50);
        }
    }

    // ---- what Kafka saw ----------------------------------------------------------------------------------------

    private Thread startReader(String bootstrap) throws InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        java.util.concurrent.CountDownLatch positioned = new java.util.concurrent.CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : TOPICS) {
                    consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                positioned.countDown();
                while (reading.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        take(record);
                    }
                }
            }
        }, "kafka-reader");
        thread.setDaemon(true);
        thread.start();
        if (!positioned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not read " + TOPICS + " from " + bootstrap);
        }
        return thread;
    }

    /** The report id inside a dispute or incident id derived from it ({@code patrol-pr-<hex>-<finding>}). */
    private static final java.util.regex.Pattern REPORT = java.util.regex.Pattern.compile("pr-[0-9a-f]+");

    private void take(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        if (type == null) {
            return;
        }
        // types are namespaced and versioned: org.tanchang.grid.mediation.FollowUpVisitScheduled.v1
        Map<String, Long> published = type.endsWith(".FollowUpVisitScheduled.v1") ? visitPublished
                : type.endsWith(".IncidentOpened.v1") ? incidentPublished : null;
        if (published == null) {
            return;
        }
        JsonNode data = JSON.readTree(record.value());
        String source = published == visitPublished ? data.path("disputeId").asString("")
                : data.path("sourceReference").asString("");
        java.util.regex.Matcher report = REPORT.matcher(source);
        if (report.find()) {
            published.putIfAbsent(report.group(), record.timestamp());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Waits until every consumer group has read everything; returns the milliseconds that took (-1: not in time). */
    private static long awaitLag(String bootstrap, Duration limit) throws Exception {
        long t0 = System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<String, Long> lag = Map.of();
            while (System.nanoTime() - t0 < limit.toNanos()) {
                lag = lagByGroup(admin);
                if (lag.values().stream().allMatch(l -> l == 0)) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
                Thread.sleep(50);
            }
            System.out.println("consumer lag still not zero after " + limit.toSeconds() + " s: " + lag);
        }
        return -1;
    }

    private static final java.util.regex.Pattern LIVE_SIGNALS =
            java.util.regex.Pattern.compile("notification-service(-\\d+)?-[0-9a-f]{8}-[0-9a-f-]{27}");

    private static Map<String, Long> lagByGroup(Admin admin) throws Exception {
        Map<String, Long> byGroup = new java.util.TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (LIVE_SIGNALS.matcher(group.groupId()).matches()) {
                continue; // notification-service's live-signal groups never commit, by design (LiveSignalConfiguration)
            }
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (var entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
            byGroup.put(group.groupId(), lag);
        }
        return byGroup;
    }

    // ---- CPU from /proc ----------------------------------------------------------------------------------------

    /** utime + stime (clock ticks) of every process whose pid file is in the directory, by name. */
    private static Map<String, Long> cpuTicks(Path pidDir) throws IOException {
        Map<String, Long> ticks = new java.util.TreeMap<>();
        if (pidDir == null || !Files.isDirectory(pidDir)) {
            return ticks;
        }
        try (var files = Files.list(pidDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                String pid = Files.readString(file).trim();
                Path stat = Path.of("/proc", pid, "stat");
                if (Files.exists(stat)) {
                    String text = Files.readString(stat);
                    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                    // after "pid (comm) ": state is field 3, utime 14 and stime 15 -> indexes 11 and 12 here
                    ticks.put(file.getFileName().toString().replace(".pid", ""),
                            Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                }
            }
        }
        return ticks;
    }

    // ---- the figures -------------------------------------------------------------------------------------------

    private void report(String label, double rate, int seconds, double sendSeconds, long drainMs,
            Map<String, Long> cpuBefore, Map<String, Long> cpuAfter) {
        List<Sent> measured = sent.stream().filter(s -> s.measured).toList();
        List<Sent> acked = measured.stream().filter(s -> s.reportId != null).toList();
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        measured.forEach(s -> statuses.merge(s.status, 1L, Long::sum));
        double[] post = acked.stream().mapToDouble(s -> (s.answeredNanos - s.sentNanos) / 1e6).sorted().toArray();
        double[] visit = latencies(acked, visitPublished);
        double[] incident = latencies(acked, incidentPublished);
        double[] both = acked.stream().filter(s -> visitPublished.containsKey(s.reportId)
                        && incidentPublished.containsKey(s.reportId))
                .mapToDouble(s -> Math.max(visitPublished.get(s.reportId), incidentPublished.get(s.reportId)) - s.sentAtMs)
                .sorted().toArray();
        long missingVisits = acked.stream().filter(s -> !visitPublished.containsKey(s.reportId)).count();
        long missingIncidents = acked.stream().filter(s -> !incidentPublished.containsKey(s.reportId)).count();
        System.out.printf("== pipeline %s: %d reports offered at %.1f/s for %d s ==%n", label, measured.size(), rate,
                seconds);
        System.out.printf("achieved: %.1f acknowledged/s (answers by status %s)%n", acked.size() / sendSeconds, statuses);
        System.out.printf("POST answered:            %s%n", summary(post));
        System.out.printf("POST -> visit published:  %s (missing %d)%n", summary(visit), missingVisits);
        System.out.printf("POST -> incident published: %s (missing %d)%n", summary(incident), missingIncidents);
        System.out.printf("POST -> both published:   %s%n", summary(both));
        System.out.printf("consumer lag zero %s after the last report%n",
                drainMs < 0 ? "NOT within 180 s" : drainMs + " ms (after the answers)");
        if (!cpuAfter.isEmpty() && !acked.isEmpty()) {
            long total = 0;
            StringBuilder line = new StringBuilder();
            for (var entry : cpuAfter.entrySet()) {
                long ticks = entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), entry.getValue());
                total += ticks;
                line.append(String.format(" %s %.1f", entry.getKey(), ticks * 10.0 / acked.size()));
            }
            System.out.printf("CPU per report: %.1f ms in all;%s%n", total * 10.0 / acked.size(), line);
        }
        System.out.printf("RESULT %s rate=%.1f post_p50=%.1f post_p99=%.1f visit_p50=%.1f visit_p99=%.1f "
                        + "incident_p99=%.1f both_p99=%.1f missing=%d drain_ms=%d%n", label, acked.size() / sendSeconds,
                pct(post, 50), pct(post, 99), pct(visit, 50), pct(visit, 99), pct(incident, 99), pct(both, 99),
                missingVisits + missingIncidents, drainMs);
    }

    private static double[] latencies(List<Sent> acked, Map<String, Long> published) {
        return acked.stream().filter(s -> published.containsKey(s.reportId))
                .mapToDouble(s -> published.get(s.reportId) - s.sentAtMs).sorted().toArray();
    }

    private static String summary(double[] sorted) {
        if (sorted.length == 0) {
            return "none";
        }
        return String.format("p50 %.1f ms, p90 %.1f, p99 %.1f, max %.1f (n=%d)", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted[sorted.length - 1], sorted.length);
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
