package org.tanchang.grid.gridservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** The administrative tree, grid boundaries and locate, as an administrator and an app see them. */
@ServiceIntegrationTest
class MapTest {

    /** 何家堡乡: the tests add their own villages there, away from the demo grids the other tests use. */
    static final String HEJIAPU = "621223103";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private ApiClient admin() {
        return ApiClient.local(port).withToken(TestUsers.admin());
    }

    static ApiClient.Response put(ApiClient api, String path, String body) {
        return api.send("PUT", path, body, "Content-Type", "application/json");
    }

    private JsonNode locate(double longitude, double latitude) {
        var located = ApiClient.local(port).withToken(TestUsers.citizen("someone"))
                .get("/api/locate?longitude=" + longitude + "&latitude=" + latitude);
        assertThat(located.status()).as(located.text()).isEqualTo(200);
        return located.json();
    }

    private List<ConsumerRecord<String, String>> gridEvents(String code) {
        return TestEvents.readAll(Topics.GRIDS, Duration.ofMillis(800)).stream().filter(r -> code.equals(r.key()))
                .toList();
    }

    @Test
    void aGridWithoutABoundaryLeavesTheMemberOutInsteadOfWritingNull() {
        // a generated Java client refuses null for the Polygon-or-MultiPolygon (oneOf) type and so the whole grid;
        // the API never stores such a grid, but data from before boundaries were required can hold one
        String code = "621223101001098";
        mongo.getCollection("grids").insertOne(new org.bson.Document("_id", code).append("name", "无边界网格")
                .append("countyCode", "621223").append("townshipCode", "621223101").append("villageCode",
                        "621223101001").append("active", false).append("version", 1L));
        try {
            var grid = admin().get("/api/grids/" + code);

            assertThat(grid.status()).as(grid.text()).isEqualTo(200);
            assertThat(grid.json().get("code").asString()).isEqualTo(code);
            assertThat(grid.json().has("boundary")).as(grid.text()).isFalse();
            var withBoundary = admin().get("/api/grids/" + TestUsers.YANGJIA_GRID).json();
            assertThat(withBoundary.get("boundary").get("type").asString()).isIn("Polygon", "MultiPolygon");
        } finally {
            mongo.getCollection("grids").deleteOne(new org.bson.Document("_id", code));
        }
    }

    @Test
    void theDemoTreeHasTheCountyTownshipsVillagesGridsAndUnits() {
        JsonNode county = admin().get("/api/areas").json();
        JsonNode lichuan = admin().get("/api/areas/621223101").json();

        assertThat(county.get("code").asString()).isEqualTo("621223");
        assertThat(county.get("name").asString()).isEqualTo("宕昌县");
        assertThat(county.get("children").findValuesAsString("name")).contains("理川镇", "木耳乡");
        List<String> villages = new java.util.ArrayList<>();
        lichuan.get("children").forEach(child -> villages.add(child.get("name").asString()));
        assertThat(villages).startsWith("杨家村", "拉沙村");
        JsonNode yangjia = lichuan.get("children").get(0);
        assertThat(yangjia.get("level").asString()).isEqualTo("VILLAGE");
        assertThat(yangjia.get("children").get(0).get("code").asString()).isEqualTo(TestUsers.YANGJIA_GRID);
        assertThat(yangjia.get("children").get(0).get("level").asString()).isEqualTo("GRID");
        assertThat(yangjia.get("children").get(0).get("children").findValuesAsString("level")).containsOnly("UNIT");
        // the places as the seed has them: 大舍村 (its square holds the 平安法治文化园) in 理川镇, 马莲村 in 木耳乡
        JsonNode dashe = admin().get("/api/areas/621223101004").json();
        assertThat(dashe.get("name").asString()).isEqualTo("大舍村");
        assertThat(dashe.get("parentCode").asString()).isEqualTo("621223101");
        assertThat(villages).contains("大舍村");
        JsonNode malian = admin().get("/api/areas/621223102001").json();
        assertThat(malian.get("name").asString()).isEqualTo("马莲村");
        assertThat(malian.get("parentCode").asString()).isEqualTo("621223102");
        assertThat(admin().get("/api/areas/621223199").status()).isEqualTo(404);
    }

    @Test
    void codesAreValidatedAndUniqueAndNeedTheirParent() {
        var village = admin().post("/api/areas", "{\"code\":\"621223103010\",\"name\":\"新民村\"}");
        var again = admin().post("/api/areas", "{\"code\":\"621223103010\",\"name\":\"新民村\"}");
        var wrongLength = admin().post("/api/areas", "{\"code\":\"6212231030\",\"name\":\"x\"}");
        var otherCounty = admin().post("/api/areas", "{\"code\":\"621224103011\",\"name\":\"x\"}");
        var zeroSequence = admin().post("/api/areas", "{\"code\":\"621223103000\",\"name\":\"x\"}");
        var orphan = admin().post("/api/areas", "{\"code\":\"621223199001\",\"name\":\"x\"}");
        var gridHere = admin().post("/api/areas", "{\"code\":\"621223103010001\",\"name\":\"x\"}");
        var noName = admin().post("/api/areas", "{\"code\":\"621223103012\",\"name\":\" \"}");
        var outsideArea = ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.MUER))
                .post("/api/areas", "{\"code\":\"621223103013\",\"name\":\"x\"}");

        assertThat(village.status()).as(village.text()).isEqualTo(201);
        assertThat(village.header("Location")).isEqualTo("/api/areas/621223103010");
        assertThat(village.json().get("level").asString()).isEqualTo("VILLAGE");
        assertThat(again.status()).isEqualTo(409);
        for (var refused : List.of(wrongLength, gridHere, noName)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        }
        assertThat(otherCounty.status()).isEqualTo(400);
        assertThat(otherCounty.json().get("errors").get(0).get("message").asString()).contains("621223");
        assertThat(zeroSequence.status()).isEqualTo(400);
        assertThat(orphan.status()).isEqualTo(422);
        assertThat(outsideArea.status()).isEqualTo(403);
        assertThat(admin().get("/api/areas/621223103012").status()).isEqualTo(404);
        assertThat(admin().get("/api/areas/621223103013").status()).isEqualTo(404);
        assertThat(put(admin(), "/api/areas/621223103010", "{\"name\":\"新民社区\"}").json().get("name").asString())
                .isEqualTo("新民社区");
    }

    @Test
    void invalidBoundariesAreRefusedWithTheirReasonAndNothingIsStoredOrPublished() {
        admin().post("/api/areas", "{\"code\":\"621223103020\",\"name\":\"边界村\"}");
        String open = "{\"type\":\"Polygon\",\"coordinates\":[[[105.6,34.5],[105.61,34.5],[105.61,34.51],[105.6,34.51]]]}";
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[105.6,34.5],[105.62,34.52],[105.62,34.5],[105.6,34.51],[105.6,34.5]]]}";
        String point = "{\"type\":\"Point\",\"coordinates\":[105.6,34.5]}";
        String offGlobe = "{\"type\":\"Polygon\",\"coordinates\":[[[185.6,34.5],[185.61,34.5],[185.61,34.51],[185.6,34.5]]]}";

        for (String boundary : List.of(open, bowTie, point, offGlobe, "[]")) {
            var refused = admin().post("/api/grids", GridTestData.createGrid("621223103020001", "边界网格", boundary));
            assertThat(refused.status()).as(boundary + " " + refused.text()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("boundary");
        }
        var unclosed = admin().post("/api/grids", GridTestData.createGrid("621223103020001", "边界网格", open));
        assertThat(unclosed.json().get("errors").get(0).get("message").asString()).contains("ring");
        var crossing = admin().post("/api/grids", GridTestData.createGrid("621223103020001", "边界网格", bowTie));
        assertThat(crossing.json().get("errors").get(0).get("message").asString()).contains("not a simple, valid shape");
        assertThat(admin().get("/api/grids/621223103020001").status()).isEqualTo(404);
        assertThat(gridEvents("621223103020001")).isEmpty();
    }

    @Test
    void siblingGridsMayNotOverlapBeyondTheTolerance() {
        admin().post("/api/areas", "{\"code\":\"621223103030\",\"name\":\"重叠村\"}");
        var first = admin().post("/api/grids", GridTestData.createGrid("621223103030001", "一",
                GridTestData.square(105.70, 34.50, 0.01)));
        var overlapping = admin().post("/api/grids", GridTestData.createGrid("621223103030002", "二",
                GridTestData.square(105.705, 34.50, 0.01)));
        // 0.5% of the smaller grid: a hand-drawn shared edge, tolerated
        var touching = admin().post("/api/grids", GridTestData.createGrid("621223103030003", "三",
                GridTestData.square(105.70995, 34.50, 0.01)));
        var movedOnto = put(admin(), "/api/grids/621223103030003",
                "{\"boundary\":" + GridTestData.square(105.701, 34.501, 0.005) + "}");

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.json().get("overlappingGrid").asString()).isEqualTo("621223103030001");
        assertThat(overlapping.json().get("detail").asString()).contains("621223103030001");
        assertThat(touching.status()).as(touching.text()).isEqualTo(201);
        assertThat(movedOnto.status()).isEqualTo(409);
        assertThat(admin().get("/api/grids/621223103030002").status()).isEqualTo(404);
        assertThat(admin().get("/api/grids/621223103030003").json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void locateAnswersInsideOnTheEdgeInAHoleAndOutside() {
        admin().post("/api/areas", "{\"code\":\"621223103040\",\"name\":\"环形村\"}");
        // a ring-shaped part with a hole (a reservoir belonging to no grid) and a detached part
        String multi = """
                {"type":"MultiPolygon","coordinates":[
                  [[[105.80,34.50],[105.84,34.50],[105.84,34.54],[105.80,34.54],[105.80,34.50]],
                   [[105.81,34.51],[105.83,34.51],[105.83,34.53],[105.81,34.53],[105.81,34.51]]],
                  [[[105.86,34.50],[105.87,34.50],[105.87,34.51],[105.86,34.51],[105.86,34.50]]]]}""";
        var created = admin().post("/api/grids", GridTestData.createGrid("621223103040001", "环形网格", multi));
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        JsonNode inside = locate(105.805, 34.52);
        JsonNode detached = locate(105.865, 34.505);
        JsonNode inHole = locate(105.82, 34.52);
        JsonNode onEdge = locate(105.80, 34.52);
        JsonNode sharedEdge = locate(104.40, 34.05);
        JsonNode outside = locate(100.0, 30.0);

        assertThat(inside.get("found").asBoolean()).isTrue();
        assertThat(inside.get("gridCode").asString()).isEqualTo("621223103040001");
        assertThat(inside.get("villageName").asString()).isEqualTo("环形村");
        assertThat(inside.get("townshipName").asString()).isEqualTo("何家堡乡");
        assertThat(detached.get("gridCode").asString()).isEqualTo("621223103040001");
        assertThat(inHole.get("found").asBoolean()).isFalse();
        assertThat(onEdge.get("gridCode").asString()).isEqualTo("621223103040001");
        assertThat(sharedEdge.get("gridCode").asString()).as("the lower code wins").isEqualTo(TestUsers.YANGJIA_GRID);
        assertThat(outside.get("found").asBoolean()).isFalse();
        assertThat(outside.get("gridCode").isNull()).isTrue();
        assertThat(locate(104.39, 34.04).get("villageName").asString()).isEqualTo("杨家村");
    }

    @Test
    void locateFollowsBoundaryChangesAndRetirement() {
        admin().post("/api/areas", "{\"code\":\"621223103050\",\"name\":\"变更村\"}");
        admin().post("/api/grids", GridTestData.createGrid("621223103050001", "变更网格",
                GridTestData.square(105.90, 34.50, 0.01)));
        assertThat(locate(105.925, 34.505).get("found").asBoolean()).isFalse();

        var moved = put(admin(), "/api/grids/621223103050001",
                "{\"boundary\":" + GridTestData.square(105.92, 34.50, 0.01) + ",\"version\":1}");
        var stale = put(admin(), "/api/grids/621223103050001", "{\"name\":\"旧\",\"version\":1}");

        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.json().get("version").asLong()).isEqualTo(2);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(locate(105.925, 34.505).get("gridCode").asString()).isEqualTo("621223103050001");
        assertThat(locate(105.905, 34.505).get("found").asBoolean()).isFalse();

        put(admin(), "/api/grids/621223103050001", "{\"active\":false}");
        assertThat(locate(105.925, 34.505).get("found").asBoolean()).isFalse();
    }

    @Test
    void everyGridChangeIsPublishedWithTheWholePictureAndARisingVersion() {
        admin().post("/api/areas", "{\"code\":\"621223103060\",\"name\":\"事件村\"}");
        admin().post("/api/grids", GridTestData.createGrid("621223103060001", "事件网格",
                GridTestData.square(106.00, 34.50, 0.01)));
        put(admin(), "/api/grids/621223103060001", "{\"name\":\"事件网格（改）\"}");
        put(admin(), "/api/areas/621223103060", "{\"name\":\"事件社区\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> gridEvents("621223103060001").size() == 3);
        List<ConsumerRecord<String, String>> events = gridEvents("621223103060001");
        assertThat(events).extracting(e -> TestEvents.eventName(e)).containsOnly("GridChanged");
        assertThat(events.get(0).value()).contains("\"version\":1", "\"gridName\":\"事件网格\"",
                "\"villageName\":\"事件村\"", "\"boundaryGeoJson\":\"{\\\"type\\\":\\\"Polygon\\\"");
        assertThat(events.get(1).value()).contains("\"version\":2", "事件网格（改）");
        assertThat(events.get(2).value()).contains("\"version\":3", "\"villageName\":\"事件社区\"");
        // and each demo grid was announced once, at first load
        await().atMost(Duration.ofSeconds(20)).until(() -> !gridEvents(TestUsers.MALIAN_GRID).isEmpty());
        assertThat(gridEvents(TestUsers.MALIAN_GRID).get(0).value()).contains("\"version\":1", "马莲村");
        await().atMost(Duration.ofSeconds(20)).until(() -> !gridEvents(TestUsers.DASHE_LICHUAN_GRID).isEmpty());
        assertThat(gridEvents(TestUsers.DASHE_LICHUAN_GRID).get(0).value()).contains("\"townshipCode\":\"621223101\"",
                "大舍村");
    }

    @Test
    void badInputToTheMapIsRefusedAndChangesNothing() {
        long grids = mongo.getCollection("grids").countDocuments();
        var badLocate = admin().get("/api/locate?longitude=200&latitude=34");
        var missingLocate = admin().get("/api/locate?longitude=104.39");
        var badRoot = admin().get("/api/areas?root=12");
        var badGrid = admin().post("/api/grids", "{\"code\":\"12\",\"name\":\"\",\"boundary\":null}");
        var unknownField = admin().post("/api/grids", "{\"code\":\"621223103060009\",\"name\":\"x\",\"boundary\":"
                + GridTestData.square(106.5, 34.5, 0.01) + ",\"version\":5}");
        var unknownVillage = admin().post("/api/grids", GridTestData.createGrid("621223103099001", "x",
                GridTestData.square(106.5, 34.5, 0.01)));
        var badUpdate = put(admin(), "/api/grids/" + TestUsers.YANGJIA_GRID, "{\"boundary\":{\"type\":\"Polygon\"}}");
        var missingGrid = put(admin(), "/api/grids/621223101001099", "{\"name\":\"x\"}");
        var otherTownship = put(ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.MUER)), "/api/grids/" + TestUsers.YANGJIA_GRID, "{\"name\":\"x\"}");

        assertThat(badLocate.status()).isEqualTo(400);
        assertThat(missingLocate.status()).isEqualTo(400);
        assertThat(badRoot.status()).isEqualTo(400);
        assertThat(badGrid.status()).isEqualTo(400);
        assertThat(badGrid.json().get("errors").findValuesAsString("field")).contains("code", "name");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownVillage.status()).isEqualTo(422);
        assertThat(badUpdate.status()).isEqualTo(400);
        assertThat(missingGrid.status()).isEqualTo(404);
        assertThat(otherTownship.status()).isEqualTo(404);
        assertThat(mongo.getCollection("grids").countDocuments()).isEqualTo(grids);
        assertThat(admin().get("/api/grids/" + TestUsers.YANGJIA_GRID).json().get("name").asString())
                .isEqualTo("杨家村第一网格");
    }
}
