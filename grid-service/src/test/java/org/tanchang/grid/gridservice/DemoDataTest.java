package org.tanchang.grid.gridservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo data follows the seed article, and works out of the box: every demo grid has its three-level roster
 * (member, responsible officer, mediator) in post today and announced to the other services; the places sit where
 * the seed puts them; the handbag's finder is a grid worker of the 何家堡 station.
 */
@ServiceIntegrationTest
class DemoDataTest {

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return ApiClient.local(port).withToken(TestUsers.admin());
    }

    private static JsonNode demoFile() throws IOException {
        try (InputStream in = DemoDataTest.class.getResourceAsStream("/demo/tanchang.json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void everyDemoGridHasItsMemberOfficerAndMediatorOnTheRosterToday() throws IOException {
        List<String> grids = new ArrayList<>();
        demoFile().get("grids").forEach(g -> grids.add(g.get("code").asString()));
        assertThat(grids).hasSizeGreaterThanOrEqualTo(9);
        String today = LocalDate.now().toString();
        for (String grid : grids) {
            JsonNode roster = admin().get("/api/areas/" + grid + "/roster?on=" + today + "&size=100").json()
                    .get("items");
            assertThat(roster.findValuesAsString("role")).as(grid)
                    .contains("GRID_MEMBER", "RESPONSIBLE_OFFICER", "MEDIATOR");
            String member = roster.valueStream().filter(p -> "GRID_MEMBER".equals(p.get("role").asString()))
                    .findFirst().orElseThrow().get("personId").asString();
            assertThat(admin().get("/api/members/" + member).json().get("gridCodes").toString())
                    .as("the member on the roster works in " + grid).contains(grid);
            JsonNode officer = admin().get("/api/grids/" + grid).json().get("responsibleOfficer");
            assertThat(roster.valueStream().filter(p -> "RESPONSIBLE_OFFICER".equals(p.get("role").asString()))
                    .map(p -> p.get("personId").asString())).as(grid).containsExactly(officer.get("id").asString());
        }
        for (String township : List.of("621223101", "621223102", "621223103")) {
            assertThat(admin().get("/api/areas/" + township + "/roster?on=" + today).json().findValuesAsString("role"))
                    .as(township).contains("MEDIATOR", "SUPERVISOR");
        }
        // announced, so mediation finds the mediators and notifications the people to tell
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TestEvents.readAll(Topics.ROSTER, Duration.ofMillis(800)).stream()
                        .filter(r -> TestUsers.MALIAN_GRID.equals(r.key()))
                        .map(r -> r.value())).anyMatch(v -> v.contains("\"role\":\"MEDIATOR\"")
                        && v.contains("\"personId\":\"mediator.muer\"")));
    }

    @Test
    void thePlacesAndPeopleAreWhereTheSeedPutsThem() {
        JsonNode dashe = admin().get("/api/grids/" + TestUsers.DASHE_LICHUAN_GRID).json();
        assertThat(dashe.get("villageName").asString()).isEqualTo("大舍村");
        assertThat(dashe.get("townshipName").asString()).as("平安法治文化园 on 大舍村's square, 理川镇")
                .isEqualTo("理川镇");
        JsonNode malian = admin().get("/api/grids/" + TestUsers.MALIAN_GRID).json();
        assertThat(malian.get("villageName").asString()).isEqualTo("马莲村");
        assertThat(malian.get("townshipName").asString()).isEqualTo("木耳乡");
        assertThat(admin().get("/api/areas/621223102").json().get("children").findValuesAsString("name"))
                .doesNotContain("大舍村");

        JsonNode finder = admin().get("/api/members/member.hejiapu").json();
        assertThat(finder.get("force").asString()).isEqualTo("RED_VEST_GRID_WORKER");
        String grid = finder.get("gridCodes").get(0).asString();
        assertThat(admin().get("/api/grids/" + grid).json().get("townshipName").asString()).isEqualTo("何家堡乡");
        assertThat(admin().get("/api/grids/" + grid).json().get("responsibleOfficer").get("id").asString())
                .isEqualTo("officer.hejiapu");
        assertThat(admin().get("/api/members/member.dashe").json().get("gridCodes").get(0).asString())
                .isEqualTo(TestUsers.DASHE_LICHUAN_GRID);
    }
}
