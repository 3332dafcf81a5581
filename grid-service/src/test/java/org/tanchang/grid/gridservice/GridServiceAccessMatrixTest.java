package org.tanchang.grid.gridservice;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tanchang.grid.platform.test.AccessMatrixTest;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestFiles;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.time.Times;

/**
 * grid-service's access matrix. The object of every rule lies in 杨家村 (its village, its first grid, or a new node
 * under the village): a patrol report, point, route, plan or roster assignment just made there through the API, the
 * grid itself for the statistics once a report's event has been counted, or a new village or grid for the creates.
 * Citizens own nothing here, so the fixtures have no owner.
 */
@ServiceIntegrationTest
// this context counts the events itself (the statistics fixture needs them), next to the other test context, and
// takes sentiments and warnings from the topics in groups of its own (its database is not the other context's)
@TestPropertySource(properties = {"tanchang.grid.statistics-consumer-group=grid-service-statistics-access-matrix",
        "tanchang.grid.sentiments-consumer-group=grid-service-sentiments-access-matrix",
        "tanchang.grid.warnings-consumer-group=grid-service-warnings-access-matrix"})
class GridServiceAccessMatrixTest extends AccessMatrixTest {

    private static final String GRID = TestUsers.YANGJIA_GRID;
    private static final String VILLAGE = GRID.substring(0, 12);
    /** New codes for creates: far above the demo's sequences, one per call. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(500);

    @Autowired
    MongoTemplate mongo;

    /** Reads and lists may share their object across caller profiles; writes always get a fresh one. */
    private final Map<String, Fixture> reads = new ConcurrentHashMap<>();

    @Override
    protected Fixture fixture(Expectation operation) {
        if (operation.method().equals("GET")) {
            return reads.computeIfAbsent(operation.path(), path -> freshFixture(operation));
        }
        return freshFixture(operation);
    }

    private Fixture freshFixture(Expectation operation) {
        String path = operation.path();
        String method = operation.method();
        if (path.startsWith("/api/patrol-reports/{id}/files")) {
            String id = submit();
            var photo = ApiClient.local(port).withToken(TestUsers.gridMember(GRID)).upload(
                    "/api/patrol-reports/" + id + "/files", "finding.png", "image/png", TestFiles.png());
            if (photo.status() != 201) {
                throw new IllegalStateException("fixture photo refused: " + photo.status() + " " + photo.text());
            }
            return new Fixture(Map.of("id", id, "fileId", photo.json().get("id").asString()), null, null, GRID, null,
                    id);
        }
        if (path.startsWith("/api/patrol-reports")) {
            if (method.equals("POST")) {
                return new Fixture(Map.of(), null, report(), GRID, null, null);
            }
            String id = submit();
            return new Fixture(Map.of("id", id), "size=100", null, GRID, null, id);
        }
        if (path.startsWith("/api/grid-statistics") || path.startsWith("/api/member-assessments")) {
            awaitCounted();
            String object = path.startsWith("/api/member-assessments") ? "member-" + GRID : GRID;
            return new Fixture(Map.of("gridCode", GRID), period(), null, GRID, null, object);
        }
        if (path.startsWith("/api/area-statistics")) {
            return new Fixture(Map.of("areaCode", GRID), "period=MONTH", null, GRID, null, GRID);
        }
        if (path.equals("/api/areas") && method.equals("POST")) {
            String code = "621223101" + SEQUENCE.incrementAndGet();
            return new Fixture(Map.of(), null, "{\"code\":\"" + code + "\",\"name\":\"新建村\"}", code, null, code);
        }
        if (path.equals("/api/areas/{code}") && method.equals("PUT")) {
            return new Fixture(Map.of("code", VILLAGE), null, "{\"name\":\"杨家村\"}", VILLAGE, null, VILLAGE);
        }
        if (path.equals("/api/grids") && method.equals("POST")) {
            int n = SEQUENCE.incrementAndGet();
            String code = VILLAGE + n;
            return new Fixture(Map.of(), null, GridTestData.createGrid(code, "新网格" + n,
                    GridTestData.square(105 + n * 0.01, 34.5, 0.005)), code, null, code);
        }
        if (path.equals("/api/grids/{code}") && method.equals("PUT")) {
            return new Fixture(Map.of("code", GRID), null, "{\"name\":\"杨家村第一网格\"}", GRID, null, GRID);
        }
        if (path.startsWith("/api/members")) {
            String member = GridTestData.member("m-" + SEQUENCE.incrementAndGet(), GRID);
            if (method.equals("POST")) {
                return new Fixture(Map.of(), null, member, GRID, null, null);
            }
            String id = created("/api/members", member);
            return new Fixture(Map.of("id", id), "size=100&gridCode=" + GRID, "{\"name\":\"李德明\"}", GRID, null, id);
        }
        if (path.startsWith("/api/households")) {
            String household = GridTestData.household(GRID, "11010519491231002X");
            if (method.equals("PUT")) {
                String id = created("/api/households", household);
                return new Fixture(Map.of("id", id), null, household, GRID, null, id);
            }
            return method.equals("POST") ? new Fixture(Map.of(), null, household, GRID, null, null)
                    : listed(created("/api/households", household));
        }
        if (path.startsWith("/api/care-plans")) {
            return carePlan(path, method);
        }
        if (path.startsWith("/api/prevention-units")) {
            String unit = GridTestData.unit("杨家村警务室" + SEQUENCE.incrementAndGet(), 104.391, 34.045);
            if (method.equals("PUT")) {
                String id = created("/api/prevention-units", unit);
                return new Fixture(Map.of("id", id), null, unit, GRID, null, id);
            }
            return method.equals("POST") ? new Fixture(Map.of(), null, unit, GRID, null, null)
                    : listed(created("/api/prevention-units", unit));
        }
        if (path.startsWith("/api/publicity-events")) {
            String talk = GridTestData.publicity(GRID);
            return method.equals("POST") ? new Fixture(Map.of(), null, talk, GRID, null, null)
                    : listed(created("/api/publicity-events", talk));
        }
        if (path.startsWith("/api/sentiments")) {
            String heard = GridTestData.sentiment(GRID);
            return method.equals("POST") ? new Fixture(Map.of(), null, heard, GRID, null, null)
                    : listed(created("/api/sentiments", heard, TestUsers.supervisor(TestUsers.COUNTY)));
        }
        if (path.startsWith("/api/risk-warnings")) {
            return riskWarning(path);
        }
        if (path.startsWith("/api/patrol-")) {
            return patrolDesign(path, method);
        }
        if (path.contains("roster")) {
            return roster(path, method);
        }
        if (path.startsWith("/api/statistics/rebuild")) {
            // a rebuild covers the county; while one runs, starting another answers with it
            String id = method.equals("GET") ? ApiClient.local(port).withToken(TestUsers.admin())
                    .post("/api/statistics/rebuild", "").json().get("id").asString() : null;
            return new Fixture(id == null ? Map.of() : Map.of("id", id), null, "", GRID, null, id);
        }
        // the tree, the grid directory, locate and the audit trail: no object of their own beyond the grid
        return new Fixture(Map.of("code", GRID), "longitude=104.39&latitude=34.04", null, GRID, null, GRID);
    }

    /** A warning of the grid in the state the step starts from, as the rules would have raised it. */
    private Fixture riskWarning(String path) {
        String state = path.endsWith("/handle") ? "ACKNOWLEDGED" : path.endsWith("/close") ? "HANDLED" : "RAISED";
        String id = "rw-matrix-" + SEQUENCE.incrementAndGet();
        mongo.insert(new Document("_id", id).append("ruleId", "high-risk-sentiment").append("title", "高风险社情民意")
                .append("level", "RED").append("areaCode", GRID).append("gridCode", GRID)
                .append("groupKey", GRID + "|" + id).append("state", state).append("open", true)
                .append("raisedAt", new Date()).append("version", 0L), "risk_warnings");
        String body = path.endsWith("/handle") ? "{\"handling\":\"入户走访\"}" : "{}";
        return new Fixture(Map.of("id", id), "size=100", body, GRID, null, id);
    }

    private Fixture patrolDesign(String path, String method) {
        String point = GridTestData.point(GRID, "必到点", 104.385, 34.05);
        if (path.equals("/api/patrol-points/{id}")) {
            String id = created("/api/patrol-points", point);
            return new Fixture(Map.of("id", id), null, point.replace("\"gridCode\":\"" + GRID + "\",", ""), GRID,
                    null, id);
        }
        if (path.equals("/api/patrol-points")) {
            return method.equals("POST") ? new Fixture(Map.of(), null, point, GRID, null, null)
                    : listed(created("/api/patrol-points", point));
        }
        String route = GridTestData.route(GRID, 104.37, 34.04, 104.38, 34.04);
        if (path.equals("/api/patrol-routes/{id}")) {
            String id = created("/api/patrol-routes", route);
            return new Fixture(Map.of("id", id), null, route.replace("\"gridCode\":\"" + GRID + "\",", ""), GRID,
                    null, id);
        }
        if (path.equals("/api/patrol-routes")) {
            return method.equals("POST") ? new Fixture(Map.of(), null, route, GRID, null, null)
                    : listed(created("/api/patrol-routes", route));
        }
        String plan = GridTestData.plan(GRID, "member-" + GRID, "2026-03-01T08:00:00+08:00",
                "2026-03-01T12:00:00+08:00", created("/api/patrol-points", point));
        if (method.equals("POST")) {
            return new Fixture(Map.of(), null, plan, GRID, null, null);
        }
        return listed(created("/api/patrol-plans", plan));
    }

    /** A fresh tagged household for every plan: a household has one active plan. */
    private Fixture carePlan(String path, String method) {
        String household = created("/api/households", GridTestData.household(GRID, "11010519491231002X"));
        String member = "member-care-" + SEQUENCE.incrementAndGet();
        String plan = "{\"gridCode\":\"%s\",\"householdId\":\"%s\",\"memberId\":\"%s\"}".formatted(GRID,
                household, member);
        if (path.equals("/api/care-plans") && method.equals("POST")) {
            return new Fixture(Map.of(), null, plan, GRID, null, null);
        }
        String id = created("/api/care-plans", plan);
        String body = switch (path) {
            case "/api/care-plans/{id}/end" -> "{\"reason\":\"已迁居\"}";
            case "/api/care-plans/{id}/visits" ->
                    "{\"found\":\"身体尚好\",\"done\":\"送去煤炭\",\"followUpNeeded\":false}";
            default -> "{\"memberId\":\"member-" + GRID + "\",\"frequencyDays\":14}";
        };
        return new Fixture(Map.of("id", id), "size=100&memberId=" + member, method.equals("GET") ? null : body, GRID,
                null, id);
    }

    private Fixture roster(String path, String method) {
        String assign = GridTestData.assignment("TEN_HOUSEHOLD_LEADER", "leader-" + SEQUENCE.incrementAndGet(),
                "2026-01-01", null);
        if (path.equals("/api/areas/{code}/roster")) {
            if (method.equals("POST")) {
                return new Fixture(Map.of("code", GRID), null, assign, GRID, null, null);
            }
            String id = created("/api/areas/" + GRID + "/roster", assign);
            return new Fixture(Map.of("code", GRID), "on=2026-02-01", null, GRID, null, id);
        }
        String id = created("/api/areas/" + GRID + "/roster", assign);
        return new Fixture(Map.of("id", id), null, "{\"validTo\":\"2026-12-31\"}", GRID, null, id);
    }

    private static Fixture listed(String id) {
        return new Fixture(Map.of("id", id), "size=100", null, GRID, null, id);
    }

    private String created(String path, String body) {
        return created(path, body, TestUsers.admin());
    }

    private String created(String path, String body, String token) {
        var created = ApiClient.local(port).withToken(token).post(path, body);
        if (created.status() != 201) {
            throw new IllegalStateException("fixture refused: " + path + " " + created.status() + " " + created.text());
        }
        return created.json().get("id").asString();
    }

    private String submit() {
        var created = ApiClient.local(port).withToken(TestUsers.gridMember(GRID)).post("/api/patrol-reports", report());
        if (created.status() != 201) {
            throw new IllegalStateException("fixture report refused: " + created.status() + " " + created.text());
        }
        return created.json().get("id").asString();
    }

    /** Files a report and waits until the statistics have counted it: they are built from the event. */
    private void awaitCounted() {
        long before = reportsCounted();
        submit();
        await().atMost(Duration.ofSeconds(20)).until(() -> reportsCounted() > before);
    }

    private long reportsCounted() {
        return ApiClient.local(port).withToken(TestUsers.admin()).get("/api/grid-statistics/" + GRID + "?" + period())
                .json().get("patrolReports").asLong();
    }

    /** Around today in county time, where the fixture reports end. */
    private static String period() {
        LocalDate today = LocalDate.now(Times.COUNTY_ZONE);
        return "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    }

    private static String report() {
        OffsetDateTime end = OffsetDateTime.now(Times.COUNTY_ZONE).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"gridCode":"%s","startedAt":"%s","endedAt":"%s",
                 "findings":[{"kind":"HAZARD","description":"路边护栏损坏"}],
                 "track":[{"longitude":104.39,"latitude":34.04,"at":"%s"}]}
                """.formatted(GRID, end.minusHours(1), end, end.minusMinutes(30));
    }
}
