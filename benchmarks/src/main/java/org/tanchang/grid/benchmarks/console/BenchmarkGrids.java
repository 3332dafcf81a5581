package org.tanchang.grid.benchmarks.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts {@code count} grids into a township of their own (default 621223199 "基准测试镇", villages of 100 grids each),
 * through the API as a county supervisor would, so the demo's grids, rosters and matters stay as they are. The grids
 * are cells of a lattice west of the demo's townships, each a polygon of a few dozen vertices (an outline bent
 * inwards, so siblings never overlap), closer to a surveyed boundary than a plain square. Creates only what is
 * missing: a second run finds the township full and writes nothing.
 */
final class BenchmarkGrids {

    static final String TOWNSHIP = System.getenv().getOrDefault("BENCH_TOWNSHIP", "621223199");
    private static final int PER_VILLAGE = 100;
    private static final int COLUMNS = 40;
    /** South-west corner of the lattice and one cell's size in degrees (about 0.9 km east-west, 1.1 km north-south there). */
    private static final double SOUTH = 33.85;
    private static final double WEST = 103.90;
    private static final double CELL = 0.01;
    private static final int POINTS_PER_SIDE = 8;
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String authorization;

    BenchmarkGrids(String gateway, String token) {
        this.gateway = gateway;
        this.authorization = "Bearer " + token;
    }

    /** The number of grids the township holds now, after creating the missing ones up to {@code count}. */
    int ensure(int count) throws Exception {
        int existing = existing();
        if (existing >= count) {
            return existing;
        }
        create("/api/areas", "{\"code\":\"%s\",\"name\":\"基准测试镇\"}".formatted(TOWNSHIP));
        int villages = (count + PER_VILLAGE - 1) / PER_VILLAGE;
        for (int v = 1; v <= villages; v++) {
            create("/api/areas", "{\"code\":\"%s%03d\",\"name\":\"基准测试村%02d\"}".formatted(TOWNSHIP, v, v));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                results.add(pool.submit(() -> create("/api/grids", gridBody(index))));
            }
            for (Future<Integer> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        return existing();
    }

    int existing() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(gateway + "/api/grids?townshipCode=" + TOWNSHIP + "&size=1"))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/grids answered " + response.statusCode() + ": " + response.body());
        }
        Matcher total = TOTAL.matcher(response.body());
        return total.find() ? Integer.parseInt(total.group(1)) : 0;
    }

    /** POSTs a body; an existing area or grid (409) is what a second run expects. */
    private int create(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body() + "\n  body: " + body);
        }
        return response.statusCode();
    }

    private static String gridBody(int index) {
        int village = index / PER_VILLAGE + 1;
        int sequence = index % PER_VILLAGE + 1;
        String code = "%s%03d%03d".formatted(TOWNSHIP, village, sequence);
        return "{\"code\":\"%s\",\"name\":\"基准网格%04d\",\"boundary\":{\"type\":\"Polygon\",\"coordinates\":[%s]}}"
                .formatted(code, index + 1, ring(index));
    }

    /** A closed ring inside cell {@code index}: each side's points bent inwards by a few per cent, deterministically. */
    static String ring(int index) {
        double south = SOUTH + (index / COLUMNS) * CELL;
        double west = WEST + (index % COLUMNS) * CELL;
        double[][] corners = {{west, south}, {west + CELL, south}, {west + CELL, south + CELL}, {west, south + CELL}};
        double[][] inwards = {{0, 1}, {-1, 0}, {0, -1}, {1, 0}};
        StringBuilder ring = new StringBuilder();
        for (int side = 0; side < 4; side++) {
            double[] from = corners[side];
            double[] to = corners[(side + 1) % 4];
            for (int p = 0; p < POINTS_PER_SIDE; p++) {
                double f = (double) p / POINTS_PER_SIDE;
                // corners stay a little inside the cell too, so neighbouring cells never touch
                double bend = CELL * (0.02 + 0.04 * Math.abs(Math.sin(index * 7.0 + side * 3.0 + p)));
                double x = from[0] + (to[0] - from[0]) * f + inwards[side][0] * bend + inwards[(side + 3) % 4][0] * (p == 0 ? bend : 0);
                double y = from[1] + (to[1] - from[1]) * f + inwards[side][1] * bend + inwards[(side + 3) % 4][1] * (p == 0 ? bend : 0);
                ring.append(point(x, y)).append(',');
            }
        }
        // the ring closes on its first position, as GeoJSON asks
        return "[" + ring + ring.substring(0, ring.indexOf("],") + 1) + "]";
    }

    private static String point(double x, double y) {
        return String.format(Locale.ROOT, "[%.6f,%.6f]", x, y);
    }
}
