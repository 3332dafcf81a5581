package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tanchang.grid.platform.test.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole suite as separate processes, started by run.sh, driven only through the gateway: the seed's story of
 * cattle trampling herb seedlings in 杨家村 and a theft in the field, reported from one patrol.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FanOutSystemIT {

    static final String GRID = "621223101001001";
    static final String OFFICER = "officer-lichuan-01";
    static final ApiClient gateway = new ApiClient("http://localhost:" + System.getenv().getOrDefault("GATEWAY_PORT", "8080"));

    @BeforeAll
    static void startSuite() throws Exception {
        Suite.start();
    }

    @AfterAll
    static void stopSuite() throws Exception {
        Suite.stop();
    }

    private static String report(String memberId) {
        return """
                {"gridCode":"%s","memberId":"%s","memberName":"李德明",
                 "startedAt":"2026-01-04T09:00:00+08:00","endedAt":"2026-01-04T11:30:00+08:00",
                 "findings":[
                   {"kind":"DISPUTE","description":"牧民的牛群踩踏了十余户药农的覆膜药苗","location":{"longitude":104.392,"latitude":34.047}},
                   {"kind":"INCIDENT","description":"田间党参被盗","location":{"longitude":104.395,"latitude":34.049}}]}
                """.formatted(GRID, memberId);
    }

    private static JsonNode items(String path) {
        ApiClient.Response response = gateway.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.json().get("items");
    }

    @Test
    @Order(1)
    void aPatrolReportFansOutToAVisitAnIncidentACountAndANotification() {
        ApiClient.Response created = gateway.post("/api/patrol-reports", report("member-" + UUID.randomUUID()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).isNotBlank();
        String reportId = created.json().get("id").asString();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode visits = items("/api/follow-up-visits?patrolReportId=" + reportId);
            assertThat(visits).hasSize(1);
            assertThat(visits.get(0).get("gridCode").asString()).isEqualTo(GRID);
            assertThat(visits.get(0).get("dueOn").asString()).isEqualTo("2026-01-07");

            JsonNode incidents = items("/api/incidents?sourceReference=" + reportId);
            assertThat(incidents).hasSize(1);
            assertThat(incidents.get(0).get("caseNumber").asString()).matches("621223-\\d{8}-\\d{5}");
            assertThat(incidents.get(0).get("description").asString()).isEqualTo("田间党参被盗");

            JsonNode stats = gateway.get("/api/grid-statistics/" + GRID + "?from=2026-01-04&to=2026-01-04").json();
            assertThat(stats.get("patrolReports").asLong()).isEqualTo(1);
            assertThat(stats.get("findings").get("DISPUTE").asLong()).isEqualTo(1);

            JsonNode notifications = items("/api/notifications?subjectId=" + reportId);
            assertThat(notifications).hasSize(1);
            assertThat(notifications.get(0).get("recipientId").asString()).isEqualTo(OFFICER);
        });
        assertThat(items("/api/disputes?sourceReference=" + reportId)).hasSize(1);
    }

    @Test
    @Order(2)
    void badInputGets400ProblemsThroughTheGatewayAndNothingIsStored() {
        String member = "member-" + UUID.randomUUID();
        ApiClient.Response malformed = gateway.post("/api/patrol-reports", "{\"gridCode\":\"" + GRID + "\",");
        ApiClient.Response invalid = gateway.post("/api/patrol-reports",
                report(member).replace(GRID, "12345").replace("李德明", ""));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:malformed-request");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("gridCode", "memberName");
        assertThat(gateway.get("/api/patrol-reports?memberId=" + member).json().get("total").asLong()).isZero();
    }

    @Test
    @Order(3)
    void everyServiceIsListedInTheGatewaysSwaggerUi() {
        for (String service : new String[] {"grid-service", "case-service", "mediation-service", "petition-service",
                "notification-service"}) {
            ApiClient.Response doc = gateway.get("/v3/api-docs/" + service);
            assertThat(doc.status()).as(service).isEqualTo(200);
            assertThat(doc.json().get("openapi").asString()).startsWith("3.");
            assertThat(doc.json().get("paths").size()).as(service + " paths").isPositive();
        }
        assertThat(gateway.get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(gateway.get("/actuator/prometheus").text()).contains("spring_cloud_gateway");
    }

    @Test
    @Order(4)
    void theIdentityProviderPublishesItsKeysAndIssuesTokensToOtherSystems() {
        ApiClient auth = new ApiClient("http://localhost:" + System.getenv().getOrDefault("AUTH_SERVER_PORT", "9000"));
        String basic = java.util.Base64.getEncoder().encodeToString(
                "market-supervision:market-supervision-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(auth.get("/.well-known/openid-configuration").json().get("jwks_uri").asString()).endsWith("/oauth2/jwks");
        ApiClient.Response token = auth.send("POST", "/oauth2/token", "grant_type=client_credentials&scope=cases.read",
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic);

        assertThat(token.status()).isEqualTo(200);
        String accessToken = token.json().get("access_token").asString();
        assertThat(accessToken.split("\\.")).hasSize(3);

        // the gateway checks a presented token against the auth server's keys and relays it
        assertThat(gateway.get("/api/incidents", "Authorization", "Bearer " + accessToken).status()).isEqualTo(200);
        ApiClient.Response forged = gateway.get("/api/incidents", "Authorization", "Bearer " + accessToken + "x");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:unauthorized");
    }

    @Test
    @Order(5)
    void aStoppedServiceIsAnsweredWithA503ProblemWithinItsTimeLimit() throws Exception {
        Suite.stop("case-service");

        long started = System.nanoTime();
        ApiClient.Response response = gateway.get("/api/incidents");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:service-unavailable");
        assertThat(response.json().get("detail").asString()).contains("case-service");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(gateway.get("/api/grids").status()).as("other routes keep working").isEqualTo(200);
    }
}
