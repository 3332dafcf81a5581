package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.grid.GridChanged;
import org.tanchang.grid.contracts.mediation.DisputeReferred;
import org.tanchang.grid.contracts.petition.RequestReferred;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.geo.GridMap;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** Reports placed in grids from their location by the event-fed grid map, and incidents opened from referrals. */
@ServiceIntegrationTest
class PlacementAndReferralIntegrationTest {

    /** Two made-up grids of 杨家村 side by side; the boundary between them moves in the test. */
    private static final String WEST = "621223101001081";
    private static final String EAST = "621223101001082";
    private static final double LON = 104.12;
    private static final double LAT = 34.05;

    @LocalServerPort
    int port;

    @Autowired
    GridMap gridMap;

    @Autowired
    MeterRegistry meters;

    private ApiClient officer() {
        return ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
    }

    private static String square(double west, double east) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + west + ",34.0],[" + east + ",34.0],[" + east + ",34.1],["
                + west + ",34.1],[" + west + ",34.0]]]}";
    }

    private static void grid(String code, String boundary, long version) {
        TestEvents.publish(GridChanged.TYPE, UUID.randomUUID().toString(), code, new GridChanged(code, "测试网格" + code,
                "621223101001", "杨家村", "621223101", "理川镇", "621223", boundary, true, version,
                OffsetDateTime.now(ZoneOffset.ofHours(8))));
    }

    private Optional<String> gridAtPoint() {
        return gridMap.locate(LON, LAT).map(GridArea::gridCode);
    }

    private JsonNode reportAt(double lon, double lat) {
        var created = officer().post("/api/incidents", "{\"source\":\"CALL_110\",\"description\":\"地里药材被盗\","
                + "\"location\":{\"longitude\":" + lon + ",\"latitude\":" + lat + "}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aLocatedReportGetsTheGridThatHoldsItAfterABoundaryChangeTheNewOne() {
        long version = System.currentTimeMillis();
        grid(WEST, square(104.00, 104.15), version);
        grid(EAST, square(104.15, 104.20), version);
        await().atMost(Duration.ofSeconds(20)).until(() -> gridAtPoint().equals(Optional.of(WEST)));
        JsonNode before = reportAt(LON, LAT);

        grid(WEST, square(104.00, 104.10), version + 1);
        grid(EAST, square(104.10, 104.20), version + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> gridAtPoint().equals(Optional.of(EAST)));
        JsonNode after = reportAt(LON, LAT);

        assertThat(before.get("gridCode").asString()).isEqualTo(WEST);
        assertThat(after.get("gridCode").asString()).isEqualTo(EAST);
        assertThat(after.get("villageCode").asString()).isEqualTo("621223101001");
        assertThat(after.get("townshipCode").asString()).isEqualTo("621223101");
    }

    @Test
    void anUnlocatedReportWaitsInTheCallersTownshipQueueForAManualDispatch() {
        JsonNode outside = reportAt(100.0, 30.0);
        String id = outside.get("id").asString();

        assertThat(outside.get("gridCode").isNull()).isTrue();
        assertThat(outside.get("townshipCode").asString()).isEqualTo(TestUsers.LICHUAN);
        JsonNode queue = officer().get("/api/incidents?unplaced=true&townshipCode=621223101&size=100").json();
        assertThat(queue.get("items").findValuesAsString("id")).contains(id);
        assertThat(ApiClient.local(port).withToken(TestUsers.officer(TestUsers.MUER)).get("/api/incidents/" + id)
                .status()).isEqualTo(404);
        officer().post("/api/incidents/" + id + "/register", "{}");
        JsonNode dispatched = officer().post("/api/incidents/" + id + "/dispatch", "{\"gridCode\":\""
                + TestUsers.YANGJIA_GRID + "\",\"officerId\":\"officer-621223101\"}").json();
        assertThat(dispatched.get("gridCode").asString()).isEqualTo(TestUsers.YANGJIA_GRID);
    }

    @Test
    void aRequestOrDisputeReferredToTheCaseServiceOpensOneIncidentWhateverTheRedeliveries() {
        String requestId = "req-" + UUID.randomUUID();
        String disputeId = "dsp-" + UUID.randomUUID();
        RequestReferred request = new RequestReferred(requestId, "CK-20261129-0001", "CASE", TestUsers.YANGJIA_GRID,
                "群众来窗口反映被骗2000元", new GeoPoint(104.39, 34.04), "citizen-zhang", OffsetDateTime.now());
        DisputeReferred dispute = new DisputeReferred(disputeId, TestUsers.YANGJIA_GRID, "CASE", "收购商少付货款",
                "调解不成", OffsetDateTime.now());
        DisputeReferred toCourt = new DisputeReferred("dsp-" + UUID.randomUUID(), TestUsers.YANGJIA_GRID,
                "LITIGATION", "土地纠纷", "起诉", OffsetDateTime.now());

        for (int delivery = 0; delivery < 2; delivery++) {   // a redelivery under a new event id
            TestEvents.publishAndAwaitHandled(meters, RequestReferred.TYPE, UUID.randomUUID().toString(), requestId,
                    request);
            TestEvents.publishAndAwaitHandled(meters, DisputeReferred.TYPE, UUID.randomUUID().toString(), disputeId,
                    dispute);
        }
        TestEvents.publishAndAwaitHandled(meters, DisputeReferred.TYPE, UUID.randomUUID().toString(),
                toCourt.disputeId(), toCourt);

        JsonNode fromRequest = officer().get("/api/incidents?sourceReference=" + requestId).json();
        JsonNode fromDispute = officer().get("/api/incidents?sourceReference=" + disputeId).json();
        assertThat(fromRequest.get("total").asLong()).isEqualTo(1);
        assertThat(fromRequest.get("items").get(0).get("source").asString()).isEqualTo("REQUEST_REFERRAL");
        assertThat(fromDispute.get("total").asLong()).isEqualTo(1);
        assertThat(fromDispute.get("items").get(0).get("source").asString()).isEqualTo("MEDIATION_REFERRAL");
        assertThat(officer().get("/api/incidents?sourceReference=" + toCourt.disputeId()).json().get("total")
                .asLong()).isZero();
        String id = fromRequest.get("items").get(0).get("id").asString();
        assertThat(ApiClient.local(port).withToken(TestUsers.citizen("citizen-zhang")).get("/api/incidents/" + id)
                .status()).as("the citizen follows the case opened from her request").isEqualTo(200);
    }
}
