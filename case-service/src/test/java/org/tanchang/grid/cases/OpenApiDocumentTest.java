package org.tanchang.grid.cases;

import org.tanchang.grid.platform.test.CommittedOpenApiDocumentTest;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;

/** docs/openapi/case-service.json is the live document; operation ids are explicit and unique (see the base class). */
@ServiceIntegrationTest
class OpenApiDocumentTest extends CommittedOpenApiDocumentTest {
}
