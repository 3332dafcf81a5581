package org.tanchang.grid.cases.lost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.grid.GridChanged;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.geo.GridMap;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The traveller reports her bag from the app with where she lost it but no area code (she does not know grid
 * codes): it lands in the grid that holds that place, the officers of that station see it, and officers of another
 * township can neither read it nor tie a found item to it, nor hand anything over on it.
 */
@ServiceIntegrationTest
class TravellersOwnReportIntegrationTest {

    /** A made-up grid of 理川镇 around a highway service area, away from every other test's grids. */
    private static final String SERVICE_AREA_GRID = "621223101001093";
    private static final double LON = 105.42;
    private static final double LAT = 33.52;

    @LocalServerPort
    int port;

    @Autowired
    GridMap gridMap;

    private void serviceAreaGridIsOnTheMap() {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[105.40,33.50],[105.45,33.50],[105.45,33.55],"
                + "[105.40,33.55],[105.40,33.50]]]}";
        TestEvents.publish(GridChanged.TYPE, UUID.randomUUID().toString(), SERVICE_AREA_GRID, new GridChanged(
                SERVICE_AREA_GRID, "服务区网格", "621223101001", "杨家村", "621223101", "理川镇", "621223", square, true,
                System.currentTimeMillis(), OffsetDateTime.now(ZoneOffset.ofHours(8))));
        await().atMost(Duration.ofSeconds(20)).until(() -> gridMap.locate(LON, LAT).map(GridArea::gridCode)
                .equals(Optional.of(SERVICE_AREA_GRID)));
    }

    private static String reportFromTheApp(String owner) {
        return "{\"category\":\"BAG\",\"description\":\"服务区丢失黑色手提包，内有身份证\","
                + "\"lostFrom\":\"2026-11-28T14:00:00+08:00\",\"lostTo\":\"2026-11-28T15:30:00+08:00\","
                + "\"location\":{\"longitude\":" + LON + ",\"latitude\":" + LAT + "},\"documents\":[{\"type\":"
                + "\"ID_CARD\",\"number\":\"" + LostFixtures.ID_NUMBER + "\"}],\"citizenId\":\"" + owner + "\"}";
    }

    private static String foundIn(String areaCode) {
        return "{\"category\":\"BAG\",\"description\":\"黑色手提包，内有身份证\",\"foundAt\":\"2026-11-28T16:10:00+08:00\","
                + "\"location\":{\"longitude\":" + LON + ",\"latitude\":" + LAT + "},\"areaCode\":\"" + areaCode
                + "\",\"custodyLocation\":\"派出所失物保管柜\",\"documents\":[{\"type\":\"ID_CARD\",\"number\":\""
                + LostFixtures.ID_NUMBER + "\"}]}";
    }

    private static String idOf(ApiClient.Response created) {
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void aReportWithOnlyALocationIsPlacedInItsGridAndOtherAreasCanNeitherReadNorActOnIt() {
        serviceAreaGridIsOnTheMap();
        String traveller = "citizen-traveller-" + UUID.randomUUID();
        ApiClient she = ApiClient.local(port).withToken(TestUsers.citizen(traveller));
        ApiClient lichuan = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
        ApiClient muer = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.MUER));
        ApiClient county = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.COUNTY));

        JsonNode reported = she.post("/api/lost-reports", reportFromTheApp(traveller)).json();
        String lostId = reported.get("id").asString();

        assertThat(reported.get("areaCode").asString()).as("placed by where it was lost")
                .isEqualTo(SERVICE_AREA_GRID);
        var seenByTheStation = lichuan.get("/api/lost-reports/" + lostId);
        assertThat(seenByTheStation.status()).as(seenByTheStation.text()).isEqualTo(200);
        assertThat(lichuan.get("/api/lost-reports?size=100").json().get("items").findValuesAsString("id"))
                .contains(lostId);
        assertThat(lichuan.get("/api/lost-reports/" + lostId + "/matches").status()).isEqualTo(200);

        var readByAnotherTownship = muer.get("/api/lost-reports/" + lostId);
        String muerItem = idOf(muer.post("/api/found-items", foundIn(TestUsers.MUER)));
        var matchedByAnotherTownship = muer.post("/api/found-items/" + muerItem + "/match",
                "{\"lostReportId\":\"" + lostId + "\"}");
        var claimedByAnotherTownship = muer.post("/api/found-items/" + muerItem + "/claim",
                LostFixtures.claimBody(lostId, LostFixtures.ID_NUMBER));

        assertThat(readByAnotherTownship.status()).isEqualTo(404);
        assertThat(matchedByAnotherTownship.status()).as(matchedByAnotherTownship.text()).isEqualTo(404);
        assertThat(matchedByAnotherTownship.header("Content-Type")).startsWith("application/problem+json");
        assertThat(matchedByAnotherTownship.json().get("type").asString())
                .isEqualTo("urn:tanchang-grid:problem:not-found");
        assertThat(claimedByAnotherTownship.status()).as(claimedByAnotherTownship.text()).isEqualTo(404);
        assertThat(muer.get("/api/found-items/" + muerItem).json().get("status").asString())
                .as("nothing changed").isEqualTo("IN_CUSTODY");
        assertThat(she.get("/api/lost-reports/" + lostId).json().get("status").asString()).isEqualTo("OPEN");

        // the county's command centre ties 木耳乡's item to it; 木耳乡's desk still may not hand it over on that
        // report, the station where it was lost and the county may
        assertThat(county.post("/api/found-items/" + muerItem + "/match", "{\"lostReportId\":\"" + lostId + "\"}")
                .status()).isEqualTo(200);
        var handedOverByAnotherTownship = muer.post("/api/found-items/" + muerItem + "/claim",
                LostFixtures.claimBody(lostId, LostFixtures.ID_NUMBER));
        assertThat(handedOverByAnotherTownship.status()).as(handedOverByAnotherTownship.text()).isEqualTo(404);
        assertThat(county.get("/api/found-items/" + muerItem).json().get("status").asString()).isEqualTo("MATCHED");
        var handedOver = county.post("/api/found-items/" + muerItem + "/claim",
                LostFixtures.claimBody(lostId, LostFixtures.ID_NUMBER));
        assertThat(handedOver.status()).as(handedOver.text()).isEqualTo(200);
        assertThat(she.get("/api/lost-reports/" + lostId).json().get("status").asString()).isEqualTo("RETURNED");
    }

    @Test
    void aStationOfficerMatchesAndHandsOverWhatWasLostInTheirArea() {
        serviceAreaGridIsOnTheMap();
        String traveller = "citizen-traveller-" + UUID.randomUUID();
        ApiClient she = ApiClient.local(port).withToken(TestUsers.citizen(traveller));
        ApiClient lichuan = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
        String lostId = idOf(she.post("/api/lost-reports", reportFromTheApp(traveller)));
        String item = idOf(lichuan.post("/api/found-items", foundIn(SERVICE_AREA_GRID)));

        var matched = lichuan.post("/api/found-items/" + item + "/match", "{\"lostReportId\":\"" + lostId + "\"}");
        var handedOver = lichuan.post("/api/found-items/" + item + "/claim",
                LostFixtures.claimBody(lostId, LostFixtures.ID_NUMBER));

        assertThat(matched.status()).as(matched.text()).isEqualTo(200);
        assertThat(handedOver.status()).as(handedOver.text()).isEqualTo(200);
        assertThat(she.get("/api/lost-reports/" + lostId).json().get("status").asString()).isEqualTo("RETURNED");
    }
}
