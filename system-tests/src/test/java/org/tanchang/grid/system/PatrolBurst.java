package org.tanchang.grid.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A steady stream of patrol reports through the gateway, as grid members' apps send them: each with an
 * Idempotency-Key, a DISPUTE and an INCIDENT finding, and a patrol day of its own per schedule (so the day's
 * statistics count this schedule's reports only). Every answer is recorded: a 201 is an acknowledged report, anything
 * else (a 5xx, a timeout, a refused connection) a refusal, which the app later retries with the same key.
 */
final class PatrolBurst implements AutoCloseable {

    /** One report the app tried to send. {@code reportId} is set once the suite answered 201 (or 200 to a retry). */
    static final class Attempt {
        final String key = "fault-" + UUID.randomUUID();
        volatile String reportId;
        volatile int status;            // of the first try; 0 = no answer (timeout, refused connection)
        volatile int retries;
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String gateway;
    private final String grid;
    private final LocalDate day;
    private final Supplier<String> memberToken;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "patrol-burst");
        thread.setDaemon(true);
        return thread;
    });

    PatrolBurst(String gateway, String grid, LocalDate day, Supplier<String> memberToken) {
        this.gateway = gateway;
        this.grid = grid;
        this.day = day;
        this.memberToken = memberToken;
    }

    /** Starts sending {@code perSecond} reports a second, each without waiting for the answers of the others. */
    PatrolBurst start(double perSecond) {
        long periodMicros = Math.round(1_000_000 / perSecond);
        clock.scheduleAtFixedRate(this::sendOne, 0, periodMicros, TimeUnit.MICROSECONDS);
        return this;
    }

    /** Stops sending and waits for the answers of what was sent. */
    void stop() throws InterruptedException {
        clock.shutdown();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TIMEOUT.plusSeconds(5).toNanos();
        while (attempts.stream().anyMatch(a -> a.status == -1) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void sendOne() {
        Attempt attempt = new Attempt();
        attempt.status = -1;            // in flight
        attempts.add(attempt);
        http.sendAsync(request(attempt.key), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            int status = error != null ? 0 : response.statusCode();
            if (status == 201) {
                attempt.reportId = idOf(response.body());
            }
            statuses.merge(status, 1, Integer::sum);
            attempt.status = status;
        });
    }

    /**
     * After the fault: every report whose first try got no 201 is sent again with its key until the suite answers
     * 201 (it had not been stored) or 200 (it had been, and this is the first report). Returns how many needed it.
     */
    int retryRefused(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Attempt> open = new ArrayList<>(attempts.stream().filter(a -> a.reportId == null).toList());
        int refused = open.size();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (Attempt attempt : List.copyOf(open)) {
                attempt.retries++;
                try {
                    HttpResponse<String> response = http.send(request(attempt.key), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201 || response.statusCode() == 200) {
                        attempt.reportId = idOf(response.body());
                        open.remove(attempt);
                    }
                } catch (java.io.IOException e) {
                    // still unreachable: the next round tries again
                }
            }
            if (!open.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        if (!open.isEmpty()) {
            throw new AssertionError(open.size() + " reports still refused after " + limit.toSeconds() + " s of retries");
        }
        return refused;
    }

    private HttpRequest request(String key) {
        return HttpRequest.newBuilder(URI.create(gateway + "/api/patrol-reports")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + memberToken.get())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body())).build();
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
                """.formatted(grid, day, day);
    }

    private static String idOf(String body) {
        return JSON.readTree(body).get("id").asString();
    }

    List<Attempt> attempts() {
        return attempts;
    }

    long acknowledged() {
        return attempts.stream().filter(a -> a.status == 201).count();
    }

    long refused() {
        return attempts.stream().filter(a -> a.status != 201).count();
    }

    /** First-try answers by status (0 = no answer in time). */
    Map<Integer, Integer> statuses() {
        return new java.util.TreeMap<>(statuses);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
