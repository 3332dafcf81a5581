package org.tanchang.grid.petition.openapi;

import org.tanchang.grid.platform.test.CommittedOpenApiDocumentTest;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;

/**
 * docs/openapi/petition-service.json is the live document (the Java client in the pom is generated from it);
 * operation ids are explicit and unique (see the base class). Rewrite the copy with {@code -Dopenapi.update=true}.
 */
@ServiceIntegrationTest
class OpenApiDocumentTest extends CommittedOpenApiDocumentTest {
}
