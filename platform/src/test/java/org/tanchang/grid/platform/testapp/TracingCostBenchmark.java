package org.tanchang.grid.platform.testapp;

import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.platform.test.ApiClient;
import org.springframework.boot.test.util.TestPropertyValues;
import org.tanchang.grid.platform.test.TestInfrastructure;
import org.tanchang.grid.platform.test.TestTokens;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * What tracing costs one service, without the whole suite: the platform's test app (a write with an outbox event
 * that its own listener consumes: server span, relay span, producer span, consumer span) against the in-JVM broker
 * and wire server, run twice in one JVM: traced with every span sent to a Zipkin-shaped HTTP endpoint (a local
 * server that accepts and counts the batches), and with nothing recorded or sent (sampling 0, export off). Prints
 * the request latency and the process CPU per write for each. Not a test (figures are printed, not asserted).
 *
 * <p>{@code ./mvnw -o -q test-compile dependency:build-classpath -pl platform -Dmdep.includeScope=test
 * -Dmdep.outputFile=/tmp/cp.txt} then {@code java -cp platform/target/test-classes:platform/target/classes:$(cat
 * /tmp/cp.txt) org.tanchang.grid.platform.testapp.TracingCostBenchmark [writes] [rounds]}
 */
public final class TracingCostBenchmark {

    private TracingCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        AtomicLong batches = new AtomicLong();
        HttpServer zipkin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        zipkin.createContext("/api/v2/spans", exchange -> {
            exchange.getRequestBody().readAllBytes();
            batches.incrementAndGet();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        zipkin.start();
        String endpoint = "http://127.0.0.1:" + zipkin.getAddress().getPort() + "/api/v2/spans";
        // a warm-up round of each first: the JIT and the broker's first partitions would otherwise favour the later run
        run("warm-up (traced)", writes / 5, "management.tracing.sampling.probability=1.0", endpoint);
        run("warm-up (not traced)", writes / 5, "management.tracing.sampling.probability=0.0", null);
        for (int round = 1; round <= rounds; round++) {
            run("round " + round + " A: traced, sampling 1.0, sent", writes, "management.tracing.sampling.probability=1.0",
                    endpoint);
            run("round " + round + " B: not recorded, not sent", writes, "management.tracing.sampling.probability=0.0",
                    null);
        }
        System.out.println("span batches received by the stand-in Zipkin: " + batches.get());
        zipkin.stop(0);
        System.exit(0);
    }

    private static void run(String label, int writes, String sampling, String endpoint) throws Exception {
        List<String> properties = new ArrayList<>(List.of(sampling, "logging.level.root=WARN", "server.port=0",
                "management.opentelemetry.tracing.export.schedule-delay=1s",
                // as InfrastructureInitializer points a test at the JVM's broker and wire server, but with export
                "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri=" + TestInfrastructure.mongoUri(),
                "spring.mongodb.database=bench-" + System.nanoTime(), "eureka.client.enabled=false",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.shared().jwksUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "tanchang.outbox.poll-interval=100ms"));
        properties.add(endpoint == null ? "management.tracing.export.zipkin.enabled=false"
                : "management.tracing.export.zipkin.endpoint=" + endpoint);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PlatformTestApplication.class)
                .initializers(c -> TestPropertyValues.of(properties).applyTo(c))
                .run();
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ApiClient api = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN)).unvalidated();
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            String owner = "bench-" + System.nanoTime();
            List<Long> micros = new ArrayList<>();
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                long started = System.nanoTime();
                var created = api.post("/api/parcels", "{\"owner\":\"" + owner + "\",\"weightGrams\":100}");
                micros.add((System.nanoTime() - started) / 1000);
                if (created.status() != 201) {
                    throw new IllegalStateException("write failed: " + created.status() + " " + created.text());
                }
            }
            while (counted(mongo, owner) < writes) {
                Thread.sleep(20);
            }
            long wall = System.nanoTime() - t0;
            long cpu = cpuNanos() - cpu0;
            Collections.sort(micros);
            System.out.printf("%-40s %d writes, each consumed: %.1f s; request p50 %.1f ms, p90 %.1f ms, p99 %.1f ms; "
                    + "process CPU %.2f ms per write%n", label, writes, wall / 1e9, micros.get(writes / 2) / 1000.0,
                    micros.get(writes * 9 / 10) / 1000.0, micros.get(writes * 99 / 100) / 1000.0, cpu / 1e6 / writes);
        } finally {
            context.close();
        }
    }

    private static long counted(MongoTemplate mongo, String owner) {
        Document doc = mongo.findById(owner, Document.class, "parcel_counts");
        return doc == null ? 0 : ((Number) doc.get("parcels")).longValue();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
