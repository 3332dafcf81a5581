package org.tanchang.grid.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.platform.test.InfrastructureInitializer;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * What the cross-instance path adds: two instances on the tests' broker and one database, each recipient with a
 * stream on both. Whichever instance records a message pushes it to its own stream directly and to the other's by
 * a live signal; per message, the later arrival minus the earlier is the signal's added latency. Not run by the
 * tests. Arguments: messages (300), messages per second (20).
 */
public final class InboxStreamInstancesBenchmark {

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int recipients = 20;
        String database = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        ConfigurableApplicationContext a = start(database);
        ConfigurableApplicationContext b = start(database);
        try {
            Map<String, long[]> arrivals = new ConcurrentHashMap<>();
            CountDownLatch both = new CountDownLatch(messages);
            for (int r = 0; r < recipients; r++) {
                for (ConfigurableApplicationContext app : List.of(a, b)) {
                    listen(app, "bench-citizen-" + r, app == a ? 0 : 1, arrivals, both);
                }
            }
            Thread.sleep(5_000); // both live listeners assigned, the event group settled
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < messages; i++) {
                String incident = "inc-" + UUID.randomUUID();
                arrivals.put(incident, new long[2]);
                TestEvents.publish(IncidentStateChanged.TYPE, UUID.randomUUID().toString(), incident,
                        new IncidentStateChanged(incident, "621223-20260512-0001", TestUsers.YANGJIA_GRID,
                                TestUsers.LICHUAN, "THEFT", "REPORTED", "ACCEPTED", "officer-1", "王建军",
                                OffsetDateTime.now(), null, null, "bench-citizen-" + (i % recipients)));
                TimeUnit.NANOSECONDS.sleep(interval);
            }
            boolean all = both.await(120, TimeUnit.SECONDS);
            long[] added = arrivals.values().stream().filter(t -> t[0] > 0 && t[1] > 0)
                    .mapToLong(t -> Math.abs(t[0] - t[1])).sorted().toArray();
            System.out.printf("Cross-instance signal, %d messages at %d/s on 2 instances: on both streams %d%s%n",
                    messages, rate, added.length, all ? "" : " (timed out waiting for the rest)");
            System.out.printf("added latency ms (later stream minus earlier): p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                    pct(added, 50), pct(added, 90), pct(added, 99), pct(added, 100));
        } finally {
            b.close();
            a.close();
            System.exit(0);
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(new InfrastructureInitializer(),
                        context -> TestPropertyValues.of("spring.mongodb.database=" + database).applyTo(context))
                .run("--server.port=0", "--logging.level.root=WARN", "--logging.level.org.tanchang=WARN",
                        "--tanchang.notification.delivery.poll-interval=50ms", "--spring.main.banner-mode=off");
    }

    private static void listen(ConfigurableApplicationContext app, String subject, int side,
            Map<String, long[]> arrivals, CountDownLatch both) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/notifications/stream?maxSeconds=3600"))
                        .header("Authorization", "Bearer " + TestUsers.citizen(subject)).build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> response.body().forEach(line -> {
            int at = line.indexOf("\"subjectId\":\"");
            if (line.startsWith("data:") && at >= 0) {
                long[] times = arrivals.get(line.substring(at + 13, line.indexOf('"', at + 13)));
                if (times != null) {
                    synchronized (times) {
                        times[side] = System.nanoTime();
                        if (times[0] > 0 && times[1] > 0) {
                            both.countDown();
                        }
                    }
                }
            }
        }));
        reader.setDaemon(true);
        reader.start();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
