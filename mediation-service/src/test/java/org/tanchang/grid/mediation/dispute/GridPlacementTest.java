package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.grid.GridChanged;
import org.tanchang.grid.platform.geo.GridMap;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * A walk-in dispute told only where it happened is placed in the grid that holds the spot, from the service's local
 * copy of grid-service's boundaries (GridChanged events); a spot in another township's grid is outside a township
 * mediator's area, and a spot in no grid needs a grid code.
 */
@ServiceIntegrationTest
class GridPlacementTest {

    /** Grids of their own, far from the points other tests use, so nothing else lands in them. */
    static final String FIELD_GRID = "621223101091001";     // in 理川镇
    static final String MUER_GRID = "621223102091001";      // in 木耳乡

    @LocalServerPort
    int port;

    @Autowired
    GridMap gridMap;

    @BeforeEach
    void gridServicePublishedTheGrids() {
        publish(FIELD_GRID, "理川镇试验田网格", "621223101091", "621223101", "理川镇", 104.60);
        publish(MUER_GRID, "木耳乡试验田网格", "621223102091", "621223102", "木耳乡", 104.70);
        await().atMost(Duration.ofSeconds(20)).until(() -> gridMap.locate(104.605, 34.305).isPresent()
                && gridMap.locate(104.705, 34.305).isPresent());
    }

    /** A 0.01° square from (west, 34.30); version 1, so a repeat in another test changes nothing. */
    private static void publish(String gridCode, String name, String village, String township, String townshipName,
            double west) {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[%s,34.30],[%s,34.30],[%s,34.31],[%s,34.31],[%s,34.30]]]}"
                .formatted(west, west + 0.01, west + 0.01, west, west);
        TestEvents.publish(GridChanged.TYPE, UUID.randomUUID().toString(), gridCode, new GridChanged(gridCode, name,
                village, "试验村", township, townshipName, "621223", square, true, 1,
                OffsetDateTime.parse("2026-01-01T08:00:00+08:00")));
    }

    private ApiClient lichuanMediator() {
        return ApiClient.local(port).withToken(TestUsers.mediator(TestUsers.LICHUAN));
    }

    private static String walkIn(String locationAndGrid) {
        return """
                {"type":"LIVESTOCK_DAMAGE","description":"牛群踩踏覆膜药苗",%s,"riskLevel":"LOW",
                 "parties":[{"kind":"PERSON","role":"APPLICANT","name":"杨某某"}]}""".formatted(locationAndGrid);
    }

    @Test
    void aDisputeWithALocationIsPlacedInTheGridHoldingIt() {
        var opened = lichuanMediator().post("/api/disputes",
                walkIn("\"location\":{\"longitude\":104.605,\"latitude\":34.305}"));

        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(opened.json().get("gridCode").asString()).isEqualTo(FIELD_GRID);
        JsonNode stored = lichuanMediator().get("/api/disputes/" + opened.json().get("id").asString()).json();
        assertThat(stored.get("gridCode").asString()).isEqualTo(FIELD_GRID);
        assertThat(stored.get("location").get("longitude").asDouble()).isEqualTo(104.605);
    }

    @Test
    void theLocationWinsOverAGridCodeThatDoesNotHoldIt() {
        var opened = lichuanMediator().post("/api/disputes", walkIn("\"gridCode\":\"" + TestUsers.YANGJIA_GRID
                + "\",\"location\":{\"longitude\":104.605,\"latitude\":34.305}"));

        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(opened.json().get("gridCode").asString()).isEqualTo(FIELD_GRID);
    }

    @Test
    void aLocationInAnotherTownshipsGridIsOutsideTheCallersAreaAndStoresNothing() {
        long before = lichuanMediator().get("/api/disputes?type=LIVESTOCK_DAMAGE").json().get("total").asLong();

        var refused = lichuanMediator().post("/api/disputes",
                walkIn("\"location\":{\"longitude\":104.705,\"latitude\":34.305}"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(ApiClient.local(port).withToken(TestUsers.mediator(TestUsers.MUER))
                .get("/api/disputes?gridCode=" + MUER_GRID).json().get("total").asLong()).isZero();
        assertThat(lichuanMediator().get("/api/disputes?type=LIVESTOCK_DAMAGE").json().get("total").asLong())
                .isEqualTo(before);
    }

    @Test
    void aLocationInNoGridWithoutAGridCodeIsAValidationProblem() {
        var refused = lichuanMediator().post("/api/disputes",
                walkIn("\"location\":{\"longitude\":103.0,\"latitude\":33.0}"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("gridCode");
    }
}
