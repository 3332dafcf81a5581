package org.tanchang.grid.platform.testapp;

import java.util.Map;
import org.springframework.test.context.TestPropertySource;
import org.tanchang.grid.platform.test.AccessMatrixTest;
import org.tanchang.grid.platform.test.AccessProfile;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestUsers;

/** The access matrix engine on the test app: a citizen's parcel in 杨家村's grid is the object of every rule. */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
class ParcelAccessMatrixTest extends AccessMatrixTest {

    @Override
    protected Fixture fixture(Expectation operation) {
        String id = ApiClient.local(port).withToken(TestUsers.citizen(AccessProfile.OWNER))
                .post("/api/parcels", "{\"owner\":\"刘桂芳\",\"weightGrams\":4321}").json().get("id").asString();
        return new Fixture(Map.of("id", id), "minWeight=4321", "{\"owner\":\"x\",\"weightGrams\":4321,\"gridCode\":\""
                + TestUsers.YANGJIA_GRID + "\"}", TestUsers.YANGJIA_GRID, AccessProfile.OWNER, id);
    }
}
