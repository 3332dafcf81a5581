package org.tanchang.grid.cases.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.tanchang.grid.platform.test.AccessMatrixTest;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.TestUsers;

/** Referrals for the access matrix: made in 杨家村's grid by 理川's officer and walked to the state a step needs. */
public final class ReferralFixtures {

    private final ApiClient officer;

    public ReferralFixtures(int port) {
        this.officer = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
    }

    /** The state the step {@code action} is taken from (SENT for everything that is not a step). */
    public static String stateFor(String action) {
        return switch (action) {
            case "answer" -> "RECEIVED";
            case "close" -> "ANSWERED";
            default -> "SENT";
        };
    }

    public AccessMatrixTest.Fixture fixture(AccessMatrixTest.Expectation operation) {
        String path = operation.path();
        String action = path.startsWith("/api/referrals/{id}/") ? path.substring(path.lastIndexOf('/') + 1) : "";
        String matterId = "inc-matrix-" + UUID.randomUUID();
        String refer = "{\"matterType\":\"INCIDENT\",\"matterId\":\"" + matterId + "\",\"gridCode\":\""
                + TestUsers.YANGJIA_GRID + "\",\"agencyCode\":\"lichuan-market\",\"question\":\"请协助核实\"}";
        var created = officer.post("/api/referrals", refer);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String state = stateFor(action);
        if (!state.equals("SENT")) {
            assertThat(officer.post("/api/referrals/" + id + "/receive", "{}").status()).isEqualTo(200);
        }
        if (state.equals("ANSWERED")) {
            assertThat(officer.post("/api/referrals/" + id + "/answer", "{\"answer\":\"已核实\"}").status())
                    .isEqualTo(200);
        }
        String body = switch (action) {
            case "answer" -> "{\"answer\":\"已核实，情况属实\"}";
            case "withdraw" -> "{\"reason\":\"当事人已自行办理\"}";
            case "" -> operation.method().equals("POST") ? refer : null;
            default -> "{\"remark\":\"已处理\"}";
        };
        String query = operation.method().equals("GET") && path.equals("/api/referrals") ? "matterId=" + matterId
                : null;
        return new AccessMatrixTest.Fixture(Map.of("id", id), query, body, TestUsers.YANGJIA_GRID, null, id);
    }
}
