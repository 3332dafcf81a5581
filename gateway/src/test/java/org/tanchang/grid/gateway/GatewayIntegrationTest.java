package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * The gateway against "services" without Eureka: grid-service registered at a port where nothing listens (down), the
 * others at stub HTTP servers. Routes still go through lb:// and the simple discovery client. API calls carry a
 * supervisor's token (what a token changes is in TokenValidationIntegrationTest).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        // shorter than the 4 s the stub's /slow endpoint takes, and different from resilience4j's 1 s default
        "resilience4j.timelimiter.instances.case-service.timeout-duration=2s",
        "tanchang.gateway.max-request-size=8KB"})
class GatewayIntegrationTest {

    private static final StubService CASE_SERVICE = StubService.start();
    private static final Map<String, StubService> STUBS = Map.of("case-service", CASE_SERVICE,
            "mediation-service", StubService.start(), "petition-service", StubService.start(),
            "notification-service", StubService.start());
    private static final String TOKEN = TestUsers.supervisor(TestUsers.COUNTY);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.grid-service[0].uri",
                () -> "http://localhost:" + StubService.closedPort());
        STUBS.forEach((service, stub) ->
                registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", stub::uri));
        TrustedTestTokens.register(registry);
    }

    @AfterAll
    static void stopStubs() {
        STUBS.values().forEach(StubService::close);
    }

    @LocalServerPort
    int port;

    @Autowired
    TimeLimiterRegistry timeLimiters;

    @Autowired
    BulkheadRegistry bulkheads;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TrustedTestTokens.bearer(TOKEN))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    private WebTestClient anonymous() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void postToADownServiceIsA503ProblemNamingItWithinTheTimeLimit() {
        long started = System.nanoTime();

        client.post().uri("/api/patrol-reports")
                .header("X-Request-Id", "report-1234")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"gridCode\":\"621223101001001\"}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", "report-1234")
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:service-unavailable")
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isEqualTo("grid-service is unavailable; try again shortly")
                .jsonPath("$.service").isEqualTo("grid-service")
                .jsonPath("$.instance").isEqualTo("/api/patrol-reports")
                .jsonPath("$.requestId").isEqualTo("report-1234")
                .jsonPath("$.traceId").value(String.class, id -> assertThat(id).matches("[0-9a-f]{32}"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aSlowServiceIsCutOffByItsTimeLimiter() {
        assertThat(timeLimiters.timeLimiter("case-service").getTimeLimiterConfig().getTimeoutDuration())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(timeLimiters.timeLimiter("grid-service").getTimeLimiterConfig().getTimeoutDuration())
                .isEqualTo(Duration.ofSeconds(5));
        long started = System.nanoTime();

        client.get().uri("/api/incidents/slow").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.service").isEqualTo("case-service");

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(1_900), Duration.ofMillis(3_500));
    }

    @Test
    void theDefaultBulkheadDoesNotCapAServiceAt25Calls() {
        assertThat(bulkheads.getDefaultConfig().getMaxConcurrentCalls()).isEqualTo(500);
    }

    @Test
    void eachServiceHasItsBreakerFromYamlAndAMissingInstanceDoesNotOpenIt() {
        CircuitBreakerConfig config = circuitBreakers.circuitBreaker("notification-service").getCircuitBreakerConfig();

        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
        assertThat(config.getIgnoreExceptionPredicate().test(new NotFoundException("no instance"))).isTrue();
    }

    @Test
    void aSaneRequestIdAndTraceGoDownstreamAndTheIdsComeBack() {
        client.get().uri("/api/incidents?state=OPEN")
                .header("X-Request-Id", "client.id-42_A")
                .header("traceparent", TRACEPARENT)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "client.id-42_A")
                .expectHeader().valueEquals("X-Trace-Id", "4bf92f3577b34da6a3ce929d0e0e4736")
                .expectBody().jsonPath("$.path").isEqualTo("/api/incidents");

        Headers received = CASE_SERVICE.lastHeaders("/api/incidents");
        assertThat(received.getFirst("X-Request-Id")).isEqualTo("client.id-42_A");
        // the gateway is a hop of the client's trace: same trace id, the span of its call to the service
        assertThat(received.getFirst("traceparent"))
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .isNotEqualTo(TRACEPARENT);
        assertThat(received.get("traceparent")).as("one context, not the client's beside the gateway's").hasSize(1);
    }

    @Test
    void anInsaneRequestIdAndTraceAreReplaced() {
        HttpHeaders answered = client.get().uri("/api/incidents/replaced")
                .header("X-Request-Id", "<script>alert(1)</script>")
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders();
        String echoed = answered.getFirst("X-Request-Id");

        assertThat(echoed).matches("[0-9a-f-]{36}");
        Headers received = CASE_SERVICE.lastHeaders("/api/incidents/replaced");
        assertThat(received.getFirst("X-Request-Id")).isEqualTo(echoed);
        // an invalid client context begins a new (sampled) trace, the one the answer names
        assertThat(received.getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                .doesNotContain("00000000000000000000000000000000")
                .startsWith("00-" + answered.getFirst("X-Trace-Id") + "-");
    }

    @Test
    void clientForwardedHeadersAreReplacedByTheGatewaysOwn() {
        client.get().uri("/api/incidents/forwarded")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "host=evil.example")
                .exchange()
                .expectStatus().isOk();

        Headers received = CASE_SERVICE.lastHeaders("/api/incidents/forwarded");
        assertThat(received.getFirst("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(String.valueOf(received.get("Forwarded"))).doesNotContain("evil");
        assertThat(received.containsKey("X-Forwarded-Prefix")).isFalse();
    }

    @Test
    void eachServicesAuditTrailIsRoutedToThatService() {
        for (String service : STUBS.keySet()) {
            for (String endpoint : new String[] {"records", "verification"}) {
                String path = "/api/audit/" + service + "/" + endpoint;
                client.get().uri(path + "?limit=5").exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.path").isEqualTo(path);

                STUBS.forEach((other, stub) -> assertThat(stub.lastHeaders(path) != null)
                        .as("%s asked for %s", other, path).isEqualTo(other.equals(service)));
                assertThat(STUBS.get(service).lastHeaders(path).getFirst(HttpHeaders.AUTHORIZATION))
                        .isEqualTo(TrustedTestTokens.bearer(TOKEN));
            }
        }
        // grid-service's trail goes to grid-service, which is down here: its breaker's fallback names it
        client.get().uri("/api/audit/grid-service/records").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.service").isEqualTo("grid-service");
        client.get().uri("/api/audit/gateway/records").exchange().expectStatus().isNotFound();
    }

    @Test
    void anUnknownPathIsA404Problem() {
        client.get().uri("/api/nothing-here")
                .header("X-Request-Id", "lost-1")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", "lost-1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:not-found")
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/nothing-here")
                .jsonPath("$.requestId").isEqualTo("lost-1")
                .jsonPath("$.traceId").exists()
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
    }

    /**
     * Requests that never reach a route or a filter (refused while the request line is parsed, or by the security
     * firewall) are problems too, with a request id, never an empty 400.
     */
    @Test
    void malformedRequestLinesAreProblemsNotEmptyAnswers() throws Exception {
        byte[] rawUtf8Query = "GET /api/incidents?reporterName=张三 HTTP/1.1".getBytes(StandardCharsets.UTF_8);
        Map<String, RawHttp.Response> answers = new java.util.LinkedHashMap<>();
        answers.put("raw UTF-8 in the query", RawHttp.send(port, rawUtf8Query, "Authorization: "
                + TrustedTestTokens.bearer(TOKEN)));
        answers.put("raw UTF-8 in the path", RawHttp.send(port,
                "GET /api/incidents/张三 HTTP/1.1".getBytes(StandardCharsets.UTF_8)));
        answers.put("encoded ../ in the path", RawHttp.get(port, "/api/incidents/%2e%2e/%2e%2e/actuator/env"));
        answers.put("encoded / in the path", RawHttp.get(port, "/api/incidents/a%2fb"));
        answers.put("a broken escape", RawHttp.get(port, "/api/incidents?state=%zz"));
        answers.put("a space in the request line", RawHttp.get(port, "/api/incidents?x=a b"));

        answers.forEach((what, response) -> {
            assertThat(response.status()).as(what + ": " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
            assertThat(response.body()).as(what).contains("\"type\":\"urn:tanchang-grid:problem:malformed-request\"",
                    "\"status\":400", "\"requestId\":\"").doesNotContain("Exception", "java.");
            assertThat(response.header("X-Request-Id")).as(what).isNotBlank();
        });
        assertThat(CASE_SERVICE.lastHeaders("/actuator/env")).as("nothing reached the service").isNull();

        var hugeHeader = RawHttp.get(port, "/api/incidents", "X-Filler: " + "x".repeat(20_000));
        assertThat(hugeHeader.status()).as(hugeHeader.toString()).isEqualTo(431);
        assertThat(hugeHeader.header("Content-Type")).startsWith("application/problem+json");
        assertThat(hugeHeader.body()).contains("\"status\":431", "too large");
    }

    @Test
    void statisticsRebuildIsRoutedToGridService() {
        // grid-service is down in this test: its breaker's fallback answers, so the path has a route (no 404)
        client.post().uri("/api/statistics/rebuild").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.service").isEqualTo("grid-service");
    }

    @Test
    void theFallbackIsNotAnEndpointOfItsOwn() {
        client.post().uri("/fallback/grid-service").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aWrongMethodIsA405ProblemWithAllow() {
        anonymous().post().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.ALLOW)
                .expectBody().jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:method-not-allowed");
    }

    @Test
    void aTooLargeBodyIsA413ProblemBeforeAnyServiceIsAsked() {
        client.post().uri("/api/incidents/large")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"" + "x".repeat(10_000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:content-too-large");

        assertThat(CASE_SERVICE.lastHeaders("/api/incidents/large")).isNull();

        // a file upload has its own, larger limit (tanchang.gateway.max-upload-size): the same size goes through
        client.post().uri("/api/incidents/large/files")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[10_000])
                .exchange()
                .expectStatus().value(status -> assertThat(status).isNotEqualTo(413));
        assertThat(CASE_SERVICE.lastHeaders("/api/incidents/large/files")).isNotNull();
    }

    @Test
    void prometheusAnswersWithRouteMetricsAndTheGatewayIsReady() {
        client.get().uri("/api/incidents/metered").exchange().expectStatus().isOk();

        anonymous().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("application=\"gateway\"")
                        .containsPattern("spring_cloud_gateway_requests_seconds_count\\{.*routeId=\"case-service\""));
        anonymous().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        anonymous().get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk();
        client.get().uri("/actuator/gateway/routes").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(16)   // + auth-server and its document (issue 18 item 7), + the console (issue 19: its pages, its feed, /)
                .jsonPath("$[?(@.route_id == 'auth-server')].uri").isEqualTo("lb://auth-server")
                // the inbox's live stream must not be cut by the circuit breaker's 5 s time limit
                .jsonPath("$[?(@.route_id == 'notification-stream')].filters")
                .value(filters -> assertThat(filters.toString()).doesNotContain("CircuitBreaker"))
                .jsonPath("$[?(@.route_id == 'notification-stream')].metadata.response-timeout").isEqualTo(-1);
    }

    @Test
    void swaggerUiListsEveryServiceAndTheirDocumentsComeThroughTheGatewayWithoutAToken() {
        anonymous().get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(6)   // the five services and the auth server's admin API
                .jsonPath("$.urls[?(@.name == 'grid-service')].url").isEqualTo("/v3/api-docs/grid-service");
        anonymous().get().uri("/v3/api-docs/case-service").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").isEqualTo("3.1.0");
        anonymous().get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/swagger-ui/index.html");
        anonymous().get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void theAsyncApiDocumentOfTheEventsIsServedBesideTheOpenApiDocumentsWithoutAToken() throws Exception {
        byte[] committed;
        try (var in = getClass().getClassLoader().getResourceAsStream("asyncapi/asyncapi.json")) {
            committed = in.readAllBytes();
        }
        anonymous().get().uri("/asyncapi.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.asyncapi").isEqualTo("3.0.0")
                .jsonPath("$.channels['mediation.disputes.v1'].address").isEqualTo("mediation.disputes.v1")
                .jsonPath("$.components.messages.DisputeOpened['x-cloudevents-type']")
                .isEqualTo("org.tanchang.grid.mediation.DisputeOpened.v1")
                .consumeWith(body -> assertThat(body.getResponseBody()).isEqualTo(committed));
    }

    @Test
    void swaggerUiSignsInAtTheAuthServerAsTheAppClientWithPkce() {
        // the redirect URI the auth server registers for tanchang-app
        anonymous().get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.oauth2RedirectUrl")
                .isEqualTo("http://localhost:" + port + "/swagger-ui/oauth2-redirect.html");
        anonymous().get().uri("/swagger-ui/swagger-initializer.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script)
                        .contains("ui.initOAuth(")
                        .contains("\"clientId\":\"tanchang-app\"")
                        .contains("\"usePkceWithAuthorizationCodeGrant\":true"));
        anonymous().get().uri("/swagger-ui/oauth2-redirect.html").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Cross-Origin-Opener-Policy") // the page reports back via window.opener
                .expectHeader().doesNotExist("Content-Security-Policy");
    }

    @Test
    void corsPreflightFromAnAllowedOriginIsAnswered() {
        // a browser's preflight carries no token
        anonymous().options().uri("/api/incidents")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
        anonymous().options().uri("/api/incidents")
                .header(HttpHeaders.ORIGIN, "http://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:forbidden");
    }
}
