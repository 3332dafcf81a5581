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
 * The window's own promise measured: 50 concurrent submissions; for each, the time from submission to the first
 * response (the precheck) and, for an instant item (EE-ENQUIRY, promised in 5 minutes), from submission to
 * completion (precheck, accept, start, complete), all through the API as a window clerk of 理川镇 would.
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

    public static void main(String[] args) throws Exception {
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
        ApiClient api = new ApiClient(base).withToken(token);
        run(api, 10);                                   // warm-up, not counted
        long[][] times = run(api, CONCURRENT);
        System.out.printf("%d concurrent submissions against %s%n", CONCURRENT, base);
        System.out.printf("submission → first response: p50 %d ms, p99 %d ms%n", pct(times[0], 50), pct(times[0], 99));
        System.out.printf("instant item, submission → completed: p50 %d ms, p99 %d ms%n", pct(times[1], 50),
                pct(times[1], 99));
        if (started != null) {
            started.close();
        }
        System.exit(0);
    }

    private static long[][] run(ApiClient api, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> one(api)));
        }
        long[] first = new long[n];
        long[] done = new long[n];
        for (int i = 0; i < n; i++) {
            long[] t = futures.get(i).get();
            first[i] = t[0];
            done[i] = t[1];
        }
        pool.shutdown();
        return new long[][] {first, done};
    }

    /** Milliseconds from the submission to its precheck, and to its completion. */
    private static long[] one(ApiClient api) {
        long start = System.nanoTime();
        var submitted = api.post("/api/service-requests", "{\"itemCode\":\"EE-ENQUIRY\",\"gridCode\":\""
                + TestUsers.YANGJIA_GRID + "\",\"applicant\":{\"name\":\"杨建国\",\"idNumber\":\"110105194901020123\"},"
                + "\"fields\":{\"question\":\"护照办理需要什么材料\"},\"materials\":[]}");
        check(submitted, 201);
        String id = submitted.json().get("id").asString();
        check(api.post("/api/service-requests/" + id + "/precheck", "{}"), 200);
        long first = (System.nanoTime() - start) / 1_000_000;
        for (String step : List.of("accept", "start", "complete")) {
            check(api.post("/api/service-requests/" + id + "/" + step, "{}"), 200);
        }
        return new long[] {first, (System.nanoTime() - start) / 1_000_000};
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
