package org.tanchang.grid.gridservice.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.grid.GridChanged;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * A grid changed on another instance of grid-service reaches this instance's locate answers through the GridChanged
 * events alone. The grid lies far east of the county (105.8°E), where no other test draws anything.
 */
@ServiceIntegrationTest
class LocateAcrossInstancesTest {

    static final String CODE = "621223108009009";

    @LocalServerPort
    int port;

    private static String square(double west) {
        return """
                {"type":"Polygon","coordinates":[[[%s,33.20],[%s,33.20],[%s,33.30],[%s,33.30],[%s,33.20]]]}"""
                .formatted(west, west + 0.1, west + 0.1, west, west);
    }

    private static GridChanged grid(long version, String boundary, boolean active) {
        return new GridChanged(CODE, "远方第九网格", "621223108009", "远方村", "621223108", "远方乡", "621223", boundary,
                active, version, OffsetDateTime.parse("2027-06-01T10:00:00+08:00"));
    }

    private static void publish(GridChanged change) {
        TestEvents.publish(GridChanged.TYPE, UUID.randomUUID().toString(), CODE, change);
    }

    private JsonNode locate(double longitude) {
        return ApiClient.local(port).withToken(TestUsers.citizen("someone"))
                .get("/api/locate?longitude=" + longitude + "&latitude=33.25").json();
    }

    private String gridAt(double longitude) {
        JsonNode located = locate(longitude);
        return located.get("found").asBoolean() ? located.get("gridCode").asString() : "none";
    }

    @Test
    void aGridChangedOnAnotherInstanceMovesTheAnswerOfLocateAndOlderVersionsAreIgnored() {
        assertThat(gridAt(105.85)).isEqualTo("none");

        publish(grid(1, square(105.8), true));
        await().atMost(Duration.ofSeconds(20)).until(() -> gridAt(105.85).equals(CODE));
        assertThat(locate(105.85).get("villageName").asString()).isEqualTo("远方村");

        publish(grid(2, square(106.0), true));
        await().atMost(Duration.ofSeconds(20)).until(() -> gridAt(106.05).equals(CODE));
        assertThat(gridAt(105.85)).as("the boundary moved away").isEqualTo("none");

        // a late redelivery of version 1 arrives after version 3 retired the grid; one key keeps one partition, so
        // once version 4 is seen, version 1 has been handled before it
        publish(grid(3, square(106.0), false));
        publish(grid(1, square(105.8), true));
        publish(grid(4, square(106.2), true));
        await().atMost(Duration.ofSeconds(20)).until(() -> gridAt(106.25).equals(CODE));
        assertThat(gridAt(105.85)).as("the older version changed nothing").isEqualTo("none");
        assertThat(gridAt(106.05)).isEqualTo("none");
    }
}
