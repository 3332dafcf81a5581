package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, item 11: the audit trail says what was done. A void and a close were both "TRANSITION" on "incidents";
 * now each record names its operation, and the county supervisor can ask for one kind of operation.
 */
@ServiceIntegrationTest
class IncidentAuditIntegrationTest {

    @LocalServerPort
    int port;

    private ApiClient countySupervisor() {
        return ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.COUNTY));
    }

    private JsonNode recordsOf(String incidentId) {
        return countySupervisor().get("/api/audit/case-service/records?objectId=" + incidentId + "&size=100").json()
                .get("items");
    }

    @Test
    void aVoidAndACloseAreDistinguishableAuditRecords() {
        Walk walk = new Walk(port, "officer-audit-" + UUID.randomUUID(), "citizen-audit-" + UUID.randomUUID());
        String voided = walk.to("VOIDED", "audit-" + UUID.randomUUID());
        String closed = walk.to("CLOSED", "audit-" + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(recordsOf(voided).findValuesAsString("operation")).contains("incident.void");
            assertThat(recordsOf(closed).findValuesAsString("operation")).contains("incident.close");
        });
        JsonNode voidRecord = recordsOf(voided).valueStream()
                .filter(r -> r.path("operation").asString("").equals("incident.void")).findFirst().orElseThrow();
        JsonNode closeRecord = recordsOf(closed).valueStream()
                .filter(r -> r.path("operation").asString("").equals("incident.close")).findFirst().orElseThrow();
        assertThat(voidRecord.get("action").asString()).as("the coarse kind is kept for its readers")
                .isEqualTo("TRANSITION").isEqualTo(closeRecord.get("action").asString());
        assertThat(voidRecord.get("objectType").asString()).isEqualTo("incidents");
        assertThat(recordsOf(voided).findValuesAsString("operation")).doesNotContain("incident.close");
        assertThat(recordsOf(closed).findValuesAsString("operation")).containsAll(java.util.List.of(
                "incident.create", "incident.register", "incident.dispatch", "incident.accept", "incident.start",
                "incident.resolve", "incident.verify", "incident.close"));

        JsonNode onlyVoids = countySupervisor().get("/api/audit/case-service/records?operation=incident.void&size=100")
                .json().get("items");
        assertThat(onlyVoids.findValuesAsString("objectId")).contains(voided).doesNotContain(closed);
        assertThat(onlyVoids.findValuesAsString("operation")).containsOnly("incident.void");
        assertThat(countySupervisor().get("/api/audit/case-service/verification").json().get("ok").asBoolean())
                .as("the chain stays valid").isTrue();
    }
}
