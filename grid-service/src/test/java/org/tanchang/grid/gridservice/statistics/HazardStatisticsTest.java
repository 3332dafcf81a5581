package org.tanchang.grid.gridservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.hazard.HazardEscalated;
import org.tanchang.grid.contracts.hazard.HazardOpened;
import org.tanchang.grid.contracts.hazard.HazardOverdue;
import org.tanchang.grid.contracts.hazard.HazardStateChanged;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Hazards count per grid and day from case-service's events: opened on the day found, overdue on the day the limit
 * ran out, escalated and closed on their own days; a redelivered event counts once, and only a move into CLOSED
 * counts as closed. Dated March 2028 in 拉沙村's grid, where no other test puts anything.
 */
@ServiceIntegrationTest
class HazardStatisticsTest {

    static final String GRID = TestUsers.LASHA_GRID;
    static final OffsetDateTime FOUND = OffsetDateTime.parse("2028-03-06T18:00:00+08:00");
    static final OffsetDateTime DUE = OffsetDateTime.parse("2028-03-13T18:00:00+08:00");

    @LocalServerPort
    int port;

    private JsonNode day(String on) {
        return ApiClient.local(port).withToken(TestUsers.admin())
                .get("/api/area-statistics/" + GRID + "?period=DAY&on=" + on).json().get("counts");
    }

    private static <T> void publish(org.tanchang.grid.contracts.EventType<T> type, String eventId, String id, T data) {
        TestEvents.publish(type, eventId, id, data);
    }

    @Test
    void hazardsAreCountedOpenedOverdueEscalatedAndClosedOnTheirDaysOnce() {
        String id = "hzd-" + UUID.randomUUID();
        String opened = UUID.randomUUID().toString();
        HazardOpened open = new HazardOpened(id, GRID, "FIRE", "HIGH", "GRID", "PATROL_FINDING", "pr-1", "po-1",
                "gm-1", FOUND.plusDays(1), FOUND);
        publish(HazardOpened.TYPE, opened, id, open);
        publish(HazardOpened.TYPE, opened, id, open);
        publish(HazardStateChanged.TYPE, UUID.randomUUID().toString(), id, new HazardStateChanged(id, GRID, "FIRE",
                "HIGH", "GRID", "REPORTED", "RECTIFYING", "order-rectification", "po-1", "po-1", "gm-1",
                FOUND.plusDays(1), null));
        publish(HazardOverdue.TYPE, UUID.randomUUID().toString(), id, new HazardOverdue(id, GRID, "FIRE", "HIGH",
                "GRID", "RECTIFYING", "rectification", DUE, "po-1", "gm-1", GRID));
        publish(HazardEscalated.TYPE, UUID.randomUUID().toString(), id, new HazardEscalated(id, GRID, "FIRE", "HIGH",
                "GRID", "TOWNSHIP", "OVERDUE", "po-1", "gm-1", "621223101", DUE.plusHours(1)));
        publish(HazardStateChanged.TYPE, UUID.randomUUID().toString(), id, new HazardStateChanged(id, GRID, "FIRE",
                "HIGH", "TOWNSHIP", "REINSPECTING", "CLOSED", "reinspect-removed", "po-1", "po-1", "gm-1",
                DUE.plusDays(2), "已消除"));

        await().atMost(Duration.ofSeconds(30)).until(() -> day("2028-03-15").path("hazardsClosed").asDouble() == 1);
        JsonNode found = day("2028-03-06");
        assertThat(found.path("hazardsOpened").asDouble()).as("redelivered, counted once; on the day found")
                .isEqualTo(1);
        assertThat(day("2028-03-07").path("hazardsOpened").asDouble()).as("not on the day opened").isZero();
        assertThat(day("2028-03-07").path("hazardsClosed").asDouble()).as("an order closes nothing").isZero();
        JsonNode due = day("2028-03-13");
        assertThat(due.path("hazardsOverdue").asDouble()).isEqualTo(1);
        assertThat(due.path("hazardsEscalated").asDouble()).isEqualTo(1);
    }
}
