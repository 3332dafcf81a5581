package org.tanchang.grid.petition;

import java.util.Map;
import org.tanchang.grid.platform.test.AccessMatrixTest;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;

/** The catalogue is public; the audit trail is the county supervisors'. */
@ServiceIntegrationTest
class PetitionAccessMatrixTest extends AccessMatrixTest {

    @Override
    protected Fixture fixture(Expectation operation) {
        return new Fixture(Map.of("code", "HR-TRANSFER"), null, null, null, null, "HR-TRANSFER");
    }
}
