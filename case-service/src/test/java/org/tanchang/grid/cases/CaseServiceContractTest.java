package org.tanchang.grid.cases;

import org.tanchang.grid.platform.test.ContractTest;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;

/**
 * case-service's property-based contract test: every operation of its OpenAPI document with requests that break the
 * schema, each answered with a 4xx problem and nothing stored (see {@link ContractTest}).
 */
@ServiceIntegrationTest
class CaseServiceContractTest extends ContractTest {
}
