package org.tanchang.grid.platform.testapp;

import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    @Autowired
    MongoTemplate mongo;

    @Override
    protected Fixture fixture(Expectation operation) {
        if (operation.path().startsWith("/api/doors/")) {
            // a door in the state its step needs, in the same grid as the parcels
            String door = DoorWorkflow.newDoor(mongo, operation.path().endsWith("/close") ? Door.State.OPEN
                    : Door.State.CLOSED);
            return new Fixture(Map.of("id", door), null, "{\"remark\":\"有人吗\"}", TestUsers.YANGJIA_GRID, null,
                    door);
        }
        String id = ApiClient.local(port).withToken(TestUsers.citizen(AccessProfile.OWNER))
                .post("/api/parcels", "{\"owner\":\"刘桂芳\",\"weightGrams\":4321}").json().get("id").asString();
        return new Fixture(Map.of("id", id), "minWeight=4321", "{\"owner\":\"x\",\"weightGrams\":4321,\"gridCode\":\""
                + TestUsers.YANGJIA_GRID + "\"}", TestUsers.YANGJIA_GRID, AccessProfile.OWNER, id);
    }
}
