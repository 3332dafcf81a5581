package org.tanchang.grid.gridservice;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.test.context.TestPropertySource;
import org.tanchang.grid.platform.test.AccessMatrixTest;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.web.Times;

/**
 * grid-service's access matrix. The object of every rule lies in 杨家村's grid: a patrol report its grid member has
 * just filed through the API, or for the statistics the grid itself once that report's event has been counted.
 * Citizens own nothing here, so the fixtures have no owner.
 */
@ServiceIntegrationTest
// this context counts the events itself (the statistics fixture needs them), next to the other test context
@TestPropertySource(properties = "tanchang.grid.statistics-consumer-group=grid-service-statistics-access-matrix")
class GridServiceAccessMatrixTest extends AccessMatrixTest {

    private static final String GRID = TestUsers.YANGJIA_GRID;

    @Override
    protected Fixture fixture(Expectation operation) {
        String path = operation.path();
        if (path.startsWith("/api/patrol-reports")) {
            if (operation.method().equals("POST")) {
                return new Fixture(Map.of(), null, report(), GRID, null, null);
            }
            String id = submit();
            return new Fixture(Map.of("id", id), "size=100", null, GRID, null, id);
        }
        if (path.startsWith("/api/grid-statistics")) {
            awaitCounted();
            return new Fixture(Map.of("gridCode", GRID), period(), null, GRID, null, GRID);
        }
        // the grid directory and the audit trail: no object of their own beyond the grid
        return new Fixture(Map.of("code", GRID), null, null, GRID, null, GRID);
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
