package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.ApiClient;

/**
 * Faults at scale, proven by the project itself (issue 15, section 6). The suite runs at scale 2 as run.sh starts it
 * ({@code SCALE=2}: two instances of each service, two registries), one instance ({@code faults.proxied},
 * grid-service-2 by default) reaching Kafka and MongoDB only through a TCP proxy in this JVM. Each schedule sends a
 * steady burst of patrol reports through the gateway with real tokens, puts one fault into the middle of it, and
 * then checks that every report the suite took has exactly one dispute, one follow-up visit, one incident, one count
 * in the day's figures and one message in the responsible officer's inbox, and how long after the fault that was
 * true. Reports refused during the fault (5xx, no answer) are sent again with their Idempotency-Key afterwards, as an
 * app does; a report stored although its first answer was lost must then come back as the same report.
 *
 * <p>The test command runs one schedule ({@code faults.schedules}, default {@value #REPRESENTATIVE}); {@code
 * ./faults.sh} ({@code -Pfaults}) runs all of them. The table goes to the output and to
 * {@code system-tests/target/faults/results.md}. Times are printed, not asserted; convergence within
 * {@code faults.converge-limit} (180 s) and exactness are.
 */
class FaultScheduleIT {

    static final String REPRESENTATIVE = "kafka-partition";
    static final String GRID = "621223101001001";
    static final String GATEWAY = "http://localhost:" + System.getenv().getOrDefault("GATEWAY_PORT", "8080");
    static final int KAFKA_PROXY_PORT = Integer.parseInt(System.getenv().getOrDefault("KAFKA_PROXY_PORT", "19092"));
    static final int KAFKA_PROXIED_PORT = Integer.parseInt(System.getenv().getOrDefault("KAFKA_PROXIED_PORT", "19093"));
    static final int MONGO_PORT = Integer.parseInt(System.getenv().getOrDefault("MONGO_PORT", "27017"));
    static final int MONGO_PROXY_PORT = Integer.parseInt(System.getenv().getOrDefault("MONGO_PROXY_PORT", "27018"));
    static final String PROXIED = System.getProperty("faults.proxied", "grid-service-2");
    static final double RATE = Double.parseDouble(System.getProperty("faults.rate", "2"));
    static final Duration FAULT = Duration.ofSeconds(Long.getLong("faults.fault-seconds", 30));
    static final Duration WARM_UP = Duration.ofSeconds(8);
    static final Duration AFTER = Duration.ofSeconds(5);
    static final Duration CONVERGE_LIMIT = Duration.ofSeconds(Long.getLong("faults.converge-limit", 180));
    static final Path RESULTS = Suite.ROOT.resolve("system-tests/target/faults/results.md");

    /** What a schedule does to the suite; returns once the fault is over (killed processes running again). */
    interface Fault {
        void inject() throws Exception;
    }

    /** {@code rate} 0: the run's rate ({@code faults.rate}). */
    record Schedule(String id, String fault, Fault action, double rate) {

        Schedule(String id, String fault, Fault action) {
            this(id, fault, action, 0);
        }

        double reportsPerSecond() {
            return rate > 0 ? rate : RATE;
        }
    }

    record Row(Schedule schedule, Duration lasted, long acknowledged, long refused, String answers, int total,
            FanOutEffects.Verdict verdict) {
    }

    static Suite suite;
    static FaultProxy kafkaProxy;
    static FaultProxy mongoProxy;
    static final Tokens tokens = new Tokens();
    static final List<Row> rows = new ArrayList<>();
    static final String started = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();

    @BeforeAll
    static void startSuiteAtScaleTwoWithOneInstanceBehindProxies() throws Exception {
        kafkaProxy = new FaultProxy("Kafka", KAFKA_PROXY_PORT, KAFKA_PROXIED_PORT);
        mongoProxy = new FaultProxy("MongoDB", MONGO_PROXY_PORT, MONGO_PORT);
        String prefix = PROXIED.toUpperCase(Locale.ROOT).replace('-', '_');
        suite = Suite.of("suite-faults", java.util.Map.of("SCALE", "2",
                prefix + "_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + KAFKA_PROXY_PORT,
                prefix + "_MONGODB_URI", "mongodb://localhost:" + MONGO_PROXY_PORT));
        long t0 = System.nanoTime();
        suite.up();
        System.out.printf("faults: suite at scale 2 started in %d s; %s reaches Kafka and MongoDB through proxies "
                + "(%d connections to Kafka, %d to MongoDB)%n", Duration.ofNanos(System.nanoTime() - t0).toSeconds(),
                PROXIED, kafkaProxy.connections(), mongoProxy.connections());
        assertThat(kafkaProxy.connections()).as(PROXIED + " talks to Kafka through the proxy").isPositive();
        assertThat(mongoProxy.connections()).as(PROXIED + " talks to MongoDB through the proxy").isPositive();
    }

    @AfterAll
    static void stopSuite() throws Exception {
        try {
            if (suite != null) {
                suite.down();
            }
        } finally {
            if (kafkaProxy != null) {
                kafkaProxy.close();
            }
            if (mongoProxy != null) {
                mongoProxy.close();
            }
        }
    }

    /** Every schedule, in the order they run; the index gives each its own patrol day. */
    static List<Schedule> all() {
        List<Schedule> all = new ArrayList<>();
        all.add(new Schedule("baseline", "none (the burst alone)", () -> Thread.sleep(FAULT.toMillis())));
        for (String service : new String[] {"grid-service", "case-service", "mediation-service", "petition-service",
                "notification-service"}) {
            String instance = service.equals("case-service") || service.equals("notification-service")
                    ? service : service + "-2";
            all.add(kill("kill-" + service.replace("-service", ""), instance));
        }
        all.add(kill("kill-gateway", "gateway"));
        all.add(kill("kill-auth-server", "auth-server"));
        all.add(kill("kill-registry-2", "registry-2"));
        all.add(kill("kill-pair-mediation-case", "mediation-service", "case-service-2"));
        all.add(kill("kill-pair-grid-notification", "grid-service", "notification-service-2"));
        all.add(kill("kill-both-mediation", "mediation-service", "mediation-service-2"));
        all.add(kill("kill-registry-and-grid", "registry", "grid-service-2"));
        all.add(down("kafka-down", "kafka"));
        all.add(down("mongo-down", "mongo"));
        all.add(network("kafka-partition", kafkaProxy(), "partition", FaultProxy::partition));
        all.add(network("kafka-black-hole", kafkaProxy(), "black hole", FaultProxy::blackHole));
        all.add(network("kafka-latency", kafkaProxy(), "200 ms latency", proxy -> proxy.latency(200)));
        all.add(resets("kafka-resets", kafkaProxy()));
        all.add(network("mongo-partition", mongoProxy(), "partition", FaultProxy::partition));
        all.add(network("mongo-black-hole", mongoProxy(), "black hole", FaultProxy::blackHole));
        all.add(network("mongo-latency", mongoProxy(), "200 ms latency", proxy -> proxy.latency(200)));
        all.add(resets("mongo-resets", mongoProxy()));
        // last, so that a backlog it leaves does not slow the others: does the suite keep up with 5 reports/s?
        all.add(new Schedule("burst-5", "none, 5 reports/s", () -> Thread.sleep(FAULT.toMillis()), 5));
        return all;
    }

    private static java.util.function.Supplier<FaultProxy> kafkaProxy() {
        return () -> kafkaProxy;
    }

    private static java.util.function.Supplier<FaultProxy> mongoProxy() {
        return () -> mongoProxy;
    }

    /** kill -9 of the named processes; 15 s later run.sh starts them again. */
    static Schedule kill(String id, String... names) {
        return new Schedule(id, "kill -9 " + String.join(" + ", names) + ", restarted after 15 s", () -> {
            for (String name : names) {
                suite.kill(name);
            }
            Thread.sleep(15_000);
            suite.startMissing();
        });
    }

    /** kill -9 of the broker or the wire server, down for the fault's length, started again by run.sh. */
    static Schedule down(String id, String name) {
        return new Schedule(id, "kill -9 " + name + ", down " + FAULT.toSeconds() + " s", () -> {
            suite.kill(name);
            Thread.sleep(FAULT.toMillis());
            suite.startMissing();
        });
    }

    static Schedule network(String id, java.util.function.Supplier<FaultProxy> proxy, String what,
            java.util.function.Consumer<FaultProxy> fault) {
        return new Schedule(id, PROXIED + " ↔ " + (id.startsWith("kafka") ? "Kafka" : "MongoDB") + ": " + what + " "
                + FAULT.toSeconds() + " s", () -> {
            fault.accept(proxy.get());
            try {
                Thread.sleep(FAULT.toMillis());
            } finally {
                proxy.get().heal();
            }
        });
    }

    static Schedule resets(String id, java.util.function.Supplier<FaultProxy> proxy) {
        return new Schedule(id, PROXIED + " ↔ " + (id.startsWith("kafka") ? "Kafka" : "MongoDB")
                + ": every connection dropped every 3 s for " + FAULT.toSeconds() + " s", () -> {
            long end = System.nanoTime() + FAULT.toNanos();
            while (System.nanoTime() < end) {
                proxy.get().resetConnections();
                Thread.sleep(3000);
            }
        });
    }

    @Test
    void everyReportTakenDuringAFaultHasEachEffectExactlyOnce() throws Exception {
        List<Schedule> all = all();
        String selected = System.getProperty("faults.schedules", REPRESENTATIVE).trim();
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList(selected.split("\\s*,\\s*")));
        System.out.printf("faults: %s at %.1f reports/s, faults of %d s, convergence limit %d s%n",
                selected, RATE, FAULT.toSeconds(), CONVERGE_LIMIT.toSeconds());
        for (int i = 0; i < all.size(); i++) {
            Schedule schedule = all.get(i);
            if (selected.equals("all") || wanted.contains(schedule.id())) {
                rows.add(run(schedule, LocalDate.of(2026, 2, 1).plusDays(i)));
                write();
            }
        }
        assertThat(rows).as("schedules run (faults.schedules=" + selected + ")").isNotEmpty();
        for (Row row : rows) {
            FanOutEffects.Verdict verdict = row.verdict();
            assertThat(verdict.doubles()).as(row.schedule().id() + ": effects doubled").isEmpty();
            assertThat(verdict.missing()).as(row.schedule().id() + ": effects missing after "
                    + CONVERGE_LIMIT.toSeconds() + " s").isEmpty();
            assertThat(verdict.converged()).as(row.schedule().id() + " converged").isTrue();
        }
    }

    private static Row run(Schedule schedule, LocalDate day) throws Exception {
        System.out.printf("faults: %s (%s), patrol day %s, %.1f reports/s%n", schedule.id(), schedule.fault(), day,
                schedule.reportsPerSecond());
        tokens.refresh();
        FanOutEffects effects = new FanOutEffects(GRID, tokens::officer, tokens::mediator);
        try (PatrolBurst burst = new PatrolBurst(GATEWAY, GRID, day, tokens::member)) {
            burst.start(schedule.reportsPerSecond());
            Thread.sleep(WARM_UP.toMillis());
            Instant faultStarted = Instant.now();
            schedule.action().inject();
            Instant faultEnded = Instant.now();
            Thread.sleep(AFTER.toMillis());
            burst.stop();
            long acknowledged = burst.acknowledged();
            long refused = burst.refused();
            String answers = burst.statuses().toString();
            tokens.refresh();
            burst.retryRefused(CONVERGE_LIMIT);
            Set<String> ids = new LinkedHashSet<>();
            for (PatrolBurst.Attempt attempt : burst.attempts()) {
                ids.add(attempt.reportId);
            }
            assertThat(ids).as("one report per Idempotency-Key").hasSize(burst.attempts().size());
            FanOutEffects.Verdict verdict = effects.await(ids, day, faultEnded, CONVERGE_LIMIT);
            Row row = new Row(schedule, Duration.between(faultStarted, faultEnded), acknowledged, refused, answers, ids.size(), verdict);
            System.out.println("faults: " + line(row) + (verdict.exact() ? ""
                    : " doubles " + verdict.doubles() + " missing " + verdict.missing()));
            return row;
        } finally {
            effects.close();
        }
    }

    private static String line(Row row) {
        FanOutEffects.Verdict verdict = row.verdict();
        String exact = verdict.exact() ? "yes" : !verdict.doubles().isEmpty() ? "NO: doubled" : "NO: missing";
        return "| " + row.schedule().id() + " | " + row.schedule().fault() + " | " + row.lasted().toSeconds() + " s | "
                + row.acknowledged() + " | "
                + row.refused() + (row.refused() > 0 ? " " + row.answers().replace("0=", "no answer=") : "") + " | "
                + exact + " (" + row.total() + " reports) | "
                + (verdict.converged() ? (verdict.atFirstLook() ? "≤ " : "") + verdict.took().toMillis() / 100 / 10.0
                + " s" : "not within "
                + CONVERGE_LIMIT.toSeconds() + " s") + " |";
    }

    private static void write() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("Fault schedules at scale 2, ").append(started).append(", ")
                .append(String.format(Locale.ROOT, "%.1f", RATE)).append(" patrol reports/s through the gateway, ")
                .append(PROXIED).append(" behind the proxies\n\n")
                .append("| schedule | fault | fault lasted | reports acknowledged (201) | refused on first try "
                        + "(status=count) | effects exact? | converged after the fault ended |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            table.append(line(row)).append('\n');
        }
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, table.toString());
    }

    /** The demo users' tokens, signed in again before they expire (15 minutes). */
    static final class Tokens {
        private volatile long signedIn;
        private volatile String member;
        private volatile ApiClient officer;
        private volatile ApiClient mediator;

        void refresh() throws Exception {
            if (member != null && System.nanoTime() - signedIn < Duration.ofMinutes(8).toNanos()) {
                return;
            }
            ApiClient gateway = new ApiClient(GATEWAY);
            member = SignIn.user("member.yangjia");
            officer = gateway.withToken(SignIn.user("officer.lichuan"));
            mediator = gateway.withToken(SignIn.user("mediator.lichuan"));
            signedIn = System.nanoTime();
        }

        String member() {
            return member;
        }

        ApiClient officer() {
            return officer;
        }

        ApiClient mediator() {
            return mediator;
        }
    }
}
