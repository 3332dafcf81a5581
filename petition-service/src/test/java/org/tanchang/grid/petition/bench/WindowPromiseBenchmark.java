package org.tanchang.grid.petition.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tanchang.grid.petition.PetitionServiceApplication;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.InfrastructureInitializer;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * The window's own promise measured: 50 concurrent submissions; for each, the time from submission to its 201
 * (stored with its number and promised times: the receipt), to the first response (the precheck, the window's first
 * staff step, which the first-response time limit measures) and, for an instant item (EE-ENQUIRY, promised in 5
 * minutes), to completion (precheck, accept, start, complete), all through the API as a window clerk of 理川镇 would.
 * {@code -Dbench.warmup=N} concurrent warm-up submissions first (10 by default).
 *
 * <p>{@code java ... WindowPromiseBenchmark http://gateway:8080 <clerk token>} measures a running suite (the token
 * of a WINDOW_CLERK whose area covers 621223101001001); without arguments it starts this service itself against
 * the test infrastructure (embedded Kafka and MongoDB wire server, test tokens). Not a test: run it by hand, from
 * the repository root:
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -pl petition-service -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=/tmp/petition-cp.txt
 * cd petition-service &amp;&amp; java -cp target/test-classes:target/classes:$(cat /tmp/petition-cp.txt) \
 *     org.tanchang.grid.petition.bench.WindowPromiseBenchmark
 * </pre>
 */
public final class WindowPromiseBenchmark {

    private static final int CONCURRENT = 50;

    public static void main(String[] args) {
        try {
            measure(args);
        } catch (Exception | Error failed) {
            failed.printStackTrace();
            System.exit(1);     // the started service's threads would keep a failed run alive
        }
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        ConfigurableApplicationContext started = null;
        String base;
        String token;
        if (args.length >= 2) {
            base = args[0];
            token = args[1];
        } else {
            started = new SpringApplicationBuilder(PetitionServiceApplication.class)
                    .initializers(new InfrastructureInitializer()).run("--server.port=0");
            base = "http://localhost:" + started.getEnvironment().getProperty("local.server.port");
            token = TestUsers.token("clerk-bench", "WINDOW_CLERK", TestUsers.LICHUAN);
        }
        // unvalidated: checking every answer against the OpenAPI document costs the client CPU on the same cores
        // (and, standalone, in the same JVM), which the measured service would be charged for
        ApiClient api = new ApiClient(base).withToken(token).unvalidated();
        // warm-up, not counted: one alone first (it fetches the token keys, which fifty at once can time out on
        // a loaded machine), then -Dbench.warmup concurrent submissions (10 by default; more for a warm JIT)
        for (int attempt = 1; ; attempt++) {
            try {
                run(api, 1);
                break;
            } catch (java.util.concurrent.ExecutionException keysNotYetFetched) {
                if (attempt == 5) {
                    throw keysNotYetFetched;
                }
            }
        }
        run(api, Integer.getInteger("bench.warmup", 10));
        long[][] times = run(api, CONCURRENT);
        System.out.printf("%d concurrent submissions against %s%n", CONCURRENT, base);
        System.out.printf("submission → stored and answered with its number and time limits (201): p50 %d ms, "
                + "p99 %d ms%n", pct(times[2], 50), pct(times[2], 99));
        System.out.printf("submission → first response: p50 %d ms, p99 %d ms%n", pct(times[0], 50), pct(times[0], 99));
        System.out.printf("instant item, submission → completed: p50 %d ms, p99 %d ms%n", pct(times[1], 50),
                pct(times[1], 99));
        if (started != null) {
            started.close();
        }
    }

    private static long[][] run(ApiClient api, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> one(api)));
        }
        long[] first = new long[n];
        long[] done = new long[n];
        long[] stored = new long[n];
        for (int i = 0; i < n; i++) {
            long[] t = futures.get(i).get();
            first[i] = t[0];
            done[i] = t[1];
            stored[i] = t[2];
        }
        pool.shutdown();
        return new long[][] {first, done, stored};
    }

    /** Milliseconds from the submission to its precheck, to its completion and to its 201 (stored, numbered). */
    private static long[] one(ApiClient api) {
        long start = System.nanoTime();
        var submitted = api.post("/api/service-requests", "{\"itemCode\":\"EE-ENQUIRY\",\"gridCode\":\""
                + TestUsers.YANGJIA_GRID + "\",\"applicant\":{\"name\":\"杨建国\",\"idNumber\":\"110105194901020123\"},"
                + "\"fields\":{\"question\":\"护照办理需要什么材料\"},\"materials\":[]}");
        check(submitted, 201);
        long stored = (System.nanoTime() - start) / 1_000_000;
        String id = submitted.json().get("id").asString();
        check(api.post("/api/service-requests/" + id + "/precheck", "{}"), 200);
        long first = (System.nanoTime() - start) / 1_000_000;
        for (String step : List.of("accept", "start", "complete")) {
            check(api.post("/api/service-requests/" + id + "/" + step, "{}"), 200);
        }
        return new long[] {first, (System.nanoTime() - start) / 1_000_000, stored};
    }

    private static void check(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.status() + " " + response.text());
        }
    }

    private static long pct(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
