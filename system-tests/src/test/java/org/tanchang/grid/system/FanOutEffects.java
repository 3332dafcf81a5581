package org.tanchang.grid.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.tanchang.grid.platform.test.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * What the people of the grid see of each report once the suite has caught up, read through the gateway as they
 * would: the mediator one dispute and one follow-up visit, the officer one incident and one message in the inbox, and
 * the command centre's day figures counting each report and each finding once. While a poll finds less the suite
 * has not converged; more is a double, and stays one.
 */
final class FanOutEffects {

    /** The day's counters that must equal the number of reports (each report has one finding of each kind). */
    static final List<String> COUNTERS = List.of("patrolReports", "finding_DISPUTE", "finding_INCIDENT",
            "disputesOpened", "incidentsOpened");

    /**
     * {@code atFirstLook}: everything was there at the first poll, so {@code took} (the time of that poll) is an upper
     * bound only: the suite had caught up before anyone looked.
     */
    record Verdict(boolean converged, Duration took, boolean atFirstLook, List<String> doubles, List<String> missing) {

        boolean exact() {
            return converged && doubles.isEmpty() && missing.isEmpty();
        }
    }

    private final String grid;
    private final Supplier<ApiClient> officer;
    private final Supplier<ApiClient> mediator;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    FanOutEffects(String grid, Supplier<ApiClient> officer, Supplier<ApiClient> mediator) {
        this.grid = grid;
        this.officer = officer;
        this.mediator = mediator;
    }

    /**
     * Polls until every report has each of its effects exactly once and the day's counters equal the number of
     * reports, or a double appears, or the limit passes. The time it took is from {@code faultEnded} to the later of
     * the last effect's own time stamp (when the service wrote it: a dispute's {@code openedAt}, a visit's, an
     * incident's and a message's {@code createdAt}) and the poll (once a second) that first saw the counters complete,
     * so the cost of reading every report does not count.
     */
    Verdict await(Set<String> reportIds, LocalDate day, Instant faultEnded, Duration limit) throws Exception {
        Instant deadline = faultEnded.plus(limit);
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        List<String> doubles = new ArrayList<>();
        Map<String, String> missing = new ConcurrentHashMap<>();
        AtomicReference<Instant> lastEffect = new AtomicReference<>(Instant.EPOCH);
        Instant countersComplete = null;
        Instant firstLook = null;
        while (true) {
            missing.clear();
            Instant polled = Instant.now();
            if (firstLook == null) {
                firstLook = polled;
            }
            Map<String, Double> counts = counters(day);
            boolean countersReached = counts != null;
            if (counts != null) {
                for (String counter : COUNTERS) {
                    double value = counts.getOrDefault(counter, 0.0);
                    if (value > reportIds.size()) {
                        doubles.add(counter + " = " + (long) value + " for " + reportIds.size() + " reports");
                    }
                    if (value < reportIds.size()) {
                        countersReached = false;
                        missing.put(counter, (long) value + " of " + reportIds.size());
                    }
                }
            }
            if (countersReached && countersComplete == null) {
                countersComplete = polled;
            }
            // the per-report reads only once the counters say everything could be there: they are the costly part
            if (countersReached && doubles.isEmpty()) {
                doubles.addAll(checkEach(reportIds, confirmed, missing, lastEffect));
            }
            if (!doubles.isEmpty()) {
                return new Verdict(false, Duration.between(faultEnded, Instant.now()), false, doubles,
                        List.copyOf(missing.values()));
            }
            if (countersReached && missing.isEmpty()) {
                Instant converged = lastEffect.get().isAfter(countersComplete) ? lastEffect.get() : countersComplete;
                // a late redelivery would add a second dispute or incident after the first was seen: look again
                Thread.sleep(5000);
                Map<String, Double> settled = counters(day);
                for (String counter : COUNTERS) {
                    double value = settled == null ? -1 : settled.getOrDefault(counter, 0.0);
                    if (value != reportIds.size()) {
                        doubles.add("after settling " + counter + " = " + (long) value + " for " + reportIds.size());
                    }
                }
                return new Verdict(true, Duration.between(faultEnded, converged), !converged.isAfter(firstLook), doubles,
                        List.of());
            }
            if (Instant.now().isAfter(deadline)) {
                List<String> left = new ArrayList<>(missing.entrySet().stream().limit(10)
                        .map(e -> e.getKey() + ": " + e.getValue()).toList());
                return new Verdict(false, Duration.between(faultEnded, Instant.now()), false, doubles, left);
            }
            Thread.sleep(1000);
        }
    }

    private Map<String, Double> counters(LocalDate day) {
        ApiClient.Response response;
        try {
            response = officer.get().unvalidated().get("/api/area-statistics/" + grid + "?period=DAY&on=" + day);
        } catch (IllegalStateException unreachable) {
            return null;
        }
        if (response.status() != 200 || response.json() == null) {
            return null;
        }
        Map<String, Double> counts = new java.util.HashMap<>();
        for (var entry : response.json().get("counts").properties()) {
            counts.put(entry.getKey(), entry.getValue().asDouble());
        }
        return counts;
    }

    /** Reads each report not yet confirmed; returns the doubles found and fills {@code missing}. */
    private List<String> checkEach(Collection<String> reportIds, Set<String> confirmed, Map<String, String> missing,
            AtomicReference<Instant> lastEffect) throws Exception {
        List<Future<String>> results = new ArrayList<>();
        for (String id : reportIds) {
            if (confirmed.contains(id)) {
                continue;
            }
            results.add(pool.submit(() -> {
                StringBuilder found = new StringBuilder();
                int[] sizes = {
                        size(mediator.get(), "/api/disputes?sourceReference=" + id, "openedAt", lastEffect),
                        size(mediator.get(), "/api/follow-up-visits?patrolReportId=" + id, "createdAt", lastEffect),
                        size(officer.get(), "/api/incidents?sourceReference=" + id, "createdAt", lastEffect),
                        size(officer.get(), "/api/notifications?subjectId=" + id, "createdAt", lastEffect)};
                String[] what = {"disputes", "visits", "incidents", "notifications"};
                boolean all = true;
                for (int i = 0; i < sizes.length; i++) {
                    if (sizes[i] > 1) {
                        found.append(id).append(": ").append(sizes[i]).append(' ').append(what[i]).append("; ");
                    }
                    if (sizes[i] != 1) {
                        all = false;
                        if (sizes[i] < 1) {
                            missing.put(id + " " + what[i], sizes[i] < 0 ? "unreadable" : "none yet");
                        }
                    }
                }
                if (all) {
                    confirmed.add(id);
                }
                return found.toString();
            }));
        }
        List<String> doubles = new ArrayList<>();
        for (Future<String> result : results) {
            String found = result.get();
            if (!found.isEmpty()) {
                doubles.add(found);
            }
        }
        return doubles;
    }

    /**
     * Items in a list answer; -1 when the suite did not answer 200 (not converged yet). The items' time stamps move
     * {@code lastEffect} on.
     */
    private static int size(ApiClient as, String path, String stamp, AtomicReference<Instant> lastEffect) {
        ApiClient.Response response;
        try {
            response = as.unvalidated().get(path);
        } catch (IllegalStateException unreachable) {
            return -1;
        }
        if (response.status() != 200 || response.json() == null) {
            return -1;
        }
        JsonNode total = response.json().get("total");
        JsonNode items = response.json().get("items");
        if (items != null) {
            for (JsonNode item : items) {
                JsonNode at = item.get(stamp);
                if (at != null && at.isString()) {
                    try {
                        Instant written = OffsetDateTime.parse(at.asString()).toInstant();
                        lastEffect.accumulateAndGet(written, (a, b) -> a.isAfter(b) ? a : b);
                    } catch (java.time.format.DateTimeParseException notATime) {
                        // no time stamp to go by: the poll's own time counts
                    }
                }
            }
        }
        return total != null && total.isNumber() ? total.asInt() : items == null ? -1 : items.size();
    }

    void close() {
        pool.shutdownNow();
    }
}
