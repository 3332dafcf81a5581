package org.tanchang.grid.gridservice;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.platform.events.EventJson;
import org.tanchang.grid.platform.test.TestInfrastructure;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tanchang.grid.platform.geo.Boundaries;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.geo.GridIndex;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.InfrastructureInitializer;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * Figures for the note, not a test (the test command does not run it):
 * <ol>
 * <li>locate throughput on 1,000 generated grids (irregular 24-vertex polygons tiling 104.0–105.0 E, 33.5–34.5 N),
 * single thread: the platform GridIndex (STR-tree + prepared geometries) against a naive scan of every polygon;</li>
 * <li>statistics lag: grid-service on the embedded broker and wire server, a burst of 1,000 patrol reports through
 * the API, and the time until the statistics (built from the events) have counted them all.</li>
 * </ol>
 * Run: {@code ./mvnw -o -q test-compile -pl .,grid-service && java -cp "grid-service/target/test-classes:grid-service/target/classes:$(cat /tmp/gs-cp.txt)" org.tanchang.grid.gridservice.LocateBenchmark}
 * (the class path from {@code ./mvnw -o -q dependency:build-classpath -pl .,grid-service -Dmdep.outputFile=/tmp/gs-cp.txt}).
 */
public final class LocateBenchmark {

    private LocateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        locate();
        if (args.length == 0 || !args[0].equals("--locate-only")) {
            statisticsLag();
        }
        System.exit(0);
    }

    static void locate() {
        Random random = new Random(42);
        List<GridIndex.Entry> entries = new ArrayList<>();
        int columns = 40;
        int rows = 25;
        double width = 1.0 / columns;
        double height = 1.0 / rows;
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < rows; j++) {
                Geometry cell = wobblyCell(104.0 + i * width, 33.5 + j * height, width, height, random);
                String code = "621223" + String.format("%03d%03d%03d", 101 + i / 10, 1 + j, 1 + i % 10);
                entries.add(new GridIndex.Entry(new GridArea(code, code, code.substring(0, 12), "v",
                        code.substring(0, 9), "t"), cell));
            }
        }
        GridIndex index = GridIndex.of(entries);
        int lookups = 200_000;
        double[][] points = new double[lookups][];
        for (int k = 0; k < lookups; k++) {
            points[k] = new double[] {103.95 + random.nextDouble() * 1.1, 33.45 + random.nextDouble() * 1.1};
        }
        // warm up both, then measure
        run(index, points, 20_000);
        naive(entries, points, 2_000);
        long start = System.nanoTime();
        int found = run(index, points, lookups);
        double indexed = lookups / ((System.nanoTime() - start) / 1e9);
        int naiveLookups = 5_000;
        start = System.nanoTime();
        int naiveFound = naive(entries, points, naiveLookups);
        double scanned = naiveLookups / ((System.nanoTime() - start) / 1e9);
        System.out.printf("locate on %d grids: GridIndex %,.0f lookups/s (%d of %d inside), naive scan %,.0f "
                + "lookups/s (%d of %d inside): %.0fx%n", entries.size(), indexed, found, lookups, scanned,
                naiveFound, naiveLookups, indexed / scanned);
    }

    private static int run(GridIndex index, double[][] points, int n) {
        int found = 0;
        for (int k = 0; k < n; k++) {
            Optional<GridArea> area = index.locate(points[k][0], points[k][1]);
            if (area.isPresent()) {
                found++;
            }
        }
        return found;
    }

    /** What a service without an index would do: test every boundary. */
    private static int naive(List<GridIndex.Entry> entries, double[][] points, int n) {
        int found = 0;
        for (int k = 0; k < n; k++) {
            Point p = Boundaries.FACTORY.createPoint(new Coordinate(points[k][0], points[k][1]));
            for (GridIndex.Entry entry : entries) {
                if (entry.boundary().covers(p)) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }

    /** A cell of 24 vertices with its edges pushed in and out a little, like a hand-drawn boundary. */
    private static Geometry wobblyCell(double west, double south, double w, double h, Random random) {
        List<Coordinate> ring = new ArrayList<>();
        for (int side = 0; side < 4; side++) {
            for (int s = 0; s < 6; s++) {
                double t = s / 6.0;
                double wobble = (random.nextDouble() - 0.5) * 0.1;
                ring.add(switch (side) {
                    case 0 -> new Coordinate(west + t * w, south + wobble * h * (s == 0 ? 0 : 1));
                    case 1 -> new Coordinate(west + w + wobble * w * (s == 0 ? 0 : 1), south + t * h);
                    case 2 -> new Coordinate(west + w - t * w, south + h + wobble * h * (s == 0 ? 0 : 1));
                    default -> new Coordinate(west + wobble * w * (s == 0 ? 0 : 1), south + h - t * h);
                });
            }
        }
        ring.add(ring.get(0));
        return Boundaries.FACTORY.createPolygon(ring.toArray(Coordinate[]::new));
    }

    static void statisticsLag() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GridServiceApplication.class)
                .initializers(new InfrastructureInitializer())
                .properties("server.port=0", "logging.level.root=WARN")
                .run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        ApiClient member = ApiClient.local(port).withToken(TestUsers.gridMember(TestUsers.YANGJIA_GRID));
        ApiClient admin = ApiClient.local(port).withToken(TestUsers.admin());
        String day = "2028-02-02";
        String report = """
                {"gridCode":"%s","startedAt":"%sT09:00:00+08:00","endedAt":"%sT10:00:00+08:00",
                 "findings":[{"kind":"HAZARD","description":"路边护栏损坏"}],
                 "track":[{"longitude":104.385,"latitude":34.05,"at":"%sT09:30:00+08:00"}]}"""
                .formatted(TestUsers.YANGJIA_GRID, day, day, day);
        int burst = 1_000;
        long start = System.nanoTime();
        for (int i = 0; i < burst; i++) {
            var created = member.post("/api/patrol-reports", report);
            if (created.status() != 201) {
                throw new IllegalStateException(created.text());
            }
        }
        long submitted = System.nanoTime();
        long counted;
        while (true) {
            long n = admin.get("/api/grid-statistics/" + TestUsers.YANGJIA_GRID + "?from=" + day + "&to=" + day)
                    .json().get("patrolReports").asLong();
            if (n >= burst) {
                counted = System.nanoTime();
                break;
            }
            sleep(Duration.ofMillis(20));
        }
        System.out.printf("statistics lag (API): %d reports submitted in %.1f s (%.0f/s through the API); all counted "
                + "%.2f s after the last submission, %.1f s after the first%n", burst, (submitted - start) / 1e9,
                burst / ((submitted - start) / 1e9), (counted - submitted) / 1e9, (counted - start) / 1e9);
        eventBurst(admin, burst);
        context.close();
    }

    /** 1,000 PatrolReportSubmitted events sent to the topic at once, as a busy morning of app uploads would. */
    private static void eventBurst(ApiClient admin, int burst) {
        String day = "2028-03-03";
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        EventJson json = new EventJson();
        long start;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            start = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                String id = "pr-burst-" + i;
                PatrolReportSubmitted event = new PatrolReportSubmitted(id, TestUsers.YANGJIA_GRID, "杨家村第一网格",
                        TestUsers.LICHUAN, "member-burst", "member-burst",
                        OffsetDateTime.parse(day + "T09:00:00+08:00"), OffsetDateTime.parse(day + "T10:00:00+08:00"),
                        null, List.of(new PatrolFinding(0, FindingKind.HAZARD, "护栏", null)));
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PATROL_REPORTS, id,
                        json.write(event));
                for (String[] h : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                        {"ce_source", "/benchmark"}, {"ce_type", PatrolReportSubmitted.TYPE.type()}, {"ce_subject", id},
                        {"ce_time", java.time.Instant.now().toString()},
                        {"ce_dataschema", PatrolReportSubmitted.TYPE.dataSchema()}, {"content-type", "application/json"}}) {
                    record.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record);
            }
            producer.flush();
        }
        long sent = System.nanoTime();
        while (admin.get("/api/grid-statistics/" + TestUsers.YANGJIA_GRID + "?from=" + day + "&to=" + day).json()
                .get("patrolReports").asLong() < burst) {
            sleep(Duration.ofMillis(20));
        }
        long counted = System.nanoTime();
        System.out.printf("statistics lag (event burst): %d events on the topic in %.2f s; all counted %.2f s after "
                + "the last was sent (%.0f events/s applied)%n", burst, (sent - start) / 1e9, (counted - sent) / 1e9,
                burst / ((counted - start) / 1e9));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
