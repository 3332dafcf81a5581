package org.tanchang.grid.cases.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.tanchang.grid.platform.test.AccessMatrixTest.Expectation;
import org.tanchang.grid.platform.test.AccessMatrixTest.Fixture;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * Hazards for case-service's access matrix: recorded through the API in 杨家村's grid by an officer of 理川镇 and
 * walked to the state the action needs; no owner (citizens see no hazards).
 */
public final class HazardFixtures {

    static final String OPEN = """
            {"kind":"TRAFFIC","riskLevel":"MEDIUM","gridCode":"%s","location":{"longitude":104.39,"latitude":34.04},
             "description":"公路上方护栏破损","responsibleParty":{"name":"王建国"}}""".formatted(TestUsers.YANGJIA_GRID);

    private static final Map<String, String> BODIES = Map.of(
            "order-rectification", "{\"measures\":\"修复护栏\"}",
            "dismiss", "{\"reason\":\"重复上报\"}",
            "request-reinspection", "{}",
            "reinspect-removed", "{\"findings\":\"护栏已修复\"}",
            "reinspect-not-removed", "{\"findings\":\"护栏仍有缺口\"}",
            "escalate", "{\"reason\":\"重大隐患\"}");

    private HazardFixtures() {
    }

    public static Fixture fixture(int port, Expectation operation) {
        ApiClient officer = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
        ApiClient.Response created = officer.post("/api/hazards", OPEN);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String path = operation.path();
        String action = path.startsWith("/api/hazards/{id}/") ? path.substring(path.lastIndexOf('/') + 1) : null;
        if (action != null && !action.equals("order-rectification") && !action.equals("dismiss")
                && !action.equals("escalate")) {
            walk(officer, id, "order-rectification");
            if (action.startsWith("reinspect-")) {
                walk(officer, id, "request-reinspection");
            }
        }
        // a list is not narrowed by a filter: the newest-first page of this area holds the fixture just made
        String query = operation.method().equals("GET") && path.equals("/api/hazards") ? "size=100" : null;
        String body = action != null ? BODIES.get(action) : OPEN;
        return new Fixture(Map.of("id", id), query, body, TestUsers.YANGJIA_GRID, null, id);
    }

    private static void walk(ApiClient officer, String id, String action) {
        ApiClient.Response response = officer.post("/api/hazards/" + id + "/" + action, BODIES.get(action));
        assertThat(response.status()).as(action + ": " + response.text()).isEqualTo(200);
    }
}
