package org.tanchang.grid.cases;

import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.TestPropertySource;
import org.tanchang.grid.platform.test.AccessMatrixTest;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * case-service's access matrix: every operation is tried on a fresh incident in 杨家村's grid, reported through the
 * API by an officer of 理川镇 (with a reporter, so reads meet personal data too).
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")   // must not take the other tests' partitions
class CaseServiceAccessMatrixTest extends AccessMatrixTest {

    @Override
    protected Fixture fixture(Expectation operation) {
        String reference = "matrix-" + UUID.randomUUID();
        String id = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN))
                .post("/api/incidents", report(reference)).json().get("id").asString();
        // the list is narrowed to this fixture's report, so "absent outside the area" is not a page-size accident
        String query = operation.method().equals("GET") && operation.path().equals("/api/incidents")
                ? "sourceReference=" + reference : null;
        return new Fixture(Map.of("id", id), query, report("matrix-create-" + UUID.randomUUID()),
                TestUsers.YANGJIA_GRID, null, id);
    }

    private static String report(String reference) {
        return "{\"source\":\"CALL_110\",\"gridCode\":\"" + TestUsers.YANGJIA_GRID + "\",\"description\":\"集市上有人打架\","
                + "\"sourceReference\":\"" + reference + "\",\"reporter\":{\"name\":\"王芳\",\"phone\":\"13800138000\"}}";
    }
}
