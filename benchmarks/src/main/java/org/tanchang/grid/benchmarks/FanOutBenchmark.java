package org.tanchang.grid.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the fan-out a user waits for: from {@code POST /api/patrol-reports} (one DISPUTE finding) through the
 * gateway until the follow-up visit and then its dispute are readable through the gateway (mediation-service writes
 * the dispute first, so the dispute read only confirms it). Reports are posted at a steady rate by several clients;
 * each client polls for its visit every {@code pollMs}.
 *
 * <p>Usage: {@code BENCH_TOKEN=<access token of a grid member of 621223101001001> java -cp benchmarks/target/classes
 * org.tanchang.grid.benchmarks.FanOutBenchmark [gatewayUrl] [reports] [concurrency] [pollMs]} (defaults
 * http://localhost:8080 200 4 10); {@code bench/suite-benchmark.sh} signs in as {@code member.yangjia} for it.
 */
public final class FanOutBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DISPUTE_ID = Pattern.compile("\"disputeId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private static final String AUTHORIZATION = "Bearer " + requireToken();

    private FanOutBenchmark() {
    }

    private static String requireToken() {
        String token = System.getenv("BENCH_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("set BENCH_TOKEN to a grid member's access token (auth-server/user-token.sh)");
        }
        return token;
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        int reports = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        long pollMs = args.length > 3 ? Long.parseLong(args[3]) : 10;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        // warm-up: the first requests pay for lazy initialisation in every process on the path
        for (int i = 0; i < 10; i++) {
            measure(http, gateway, pollMs);
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Long>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < reports; i++) {
            futures.add(pool.submit(() -> measure(http, gateway, pollMs)));
        }
        List<Long> micros = new ArrayList<>();
        for (Future<Long> f : futures) {
            micros.add(f.get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Collections.sort(micros);
        System.out.printf("fan-out POST /api/patrol-reports -> follow-up visit and dispute readable, via gateway%n");
        System.out.printf("reports=%d concurrency=%d poll=%dms wall=%.1fs throughput=%.1f reports/s%n",
                reports, concurrency, pollMs, seconds, reports / seconds);
        System.out.printf("p50=%.0fms p90=%.0fms p99=%.0fms max=%.0fms%n", pct(micros, 50), pct(micros, 90),
                pct(micros, 99), micros.get(micros.size() - 1) / 1000.0);
    }

    private static long measure(HttpClient http, String gateway, long pollMs) throws Exception {
        String body = """
                {"gridCode":"621223101001001",
                 "startedAt":"2026-01-04T09:00:00+08:00","endedAt":"2026-01-04T11:30:00+08:00",
                 "findings":[{"kind":"DISPUTE","description":"邻里宅基地边界纠纷"}]}
                """;
        long start = System.nanoTime();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/patrol-reports"))
                .header("Content-Type", "application/json").header("Authorization", AUTHORIZATION).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST answered " + created.statusCode() + ": " + created.body());
        }
        Matcher id = ID.matcher(created.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + created.body());
        }
        HttpRequest poll = HttpRequest.newBuilder(URI.create(gateway + "/api/follow-up-visits?patrolReportId=" + id.group(1)))
                .header("Authorization", AUTHORIZATION).GET().build();
        long deadline = start + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> visits = http.send(poll, HttpResponse.BodyHandlers.ofString());
            Matcher total = TOTAL.matcher(visits.body());
            if (visits.statusCode() == 200 && total.find() && Integer.parseInt(total.group(1)) > 0) {
                Matcher disputeId = DISPUTE_ID.matcher(visits.body());
                if (!disputeId.find()) {
                    throw new IllegalStateException("a visit without its dispute: " + visits.body());
                }
                HttpResponse<String> dispute = http.send(HttpRequest.newBuilder(
                        URI.create(gateway + "/api/disputes/" + disputeId.group(1)))
                        .header("Authorization", AUTHORIZATION).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (dispute.statusCode() != 200) {
                    throw new IllegalStateException("dispute " + disputeId.group(1) + " answered "
                            + dispute.statusCode() + ": " + dispute.body());
                }
                return (System.nanoTime() - start) / 1000;
            }
            Thread.sleep(pollMs);
        }
        throw new IllegalStateException("no follow-up visit for report " + id.group(1) + " within 60 s");
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
