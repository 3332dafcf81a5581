package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.EventSchemas;
import org.tanchang.grid.platform.test.TestEvents;
import tools.jackson.databind.JsonNode;

/**
 * The whole suite as separate processes, started by run.sh, driven only through the gateway with tokens the demo users
 * obtain from the auth server: the seed's story of cattle trampling herb seedlings in 杨家村 and a theft in the
 * field, reported from one patrol, and seen live by the responsible officer on the inbox stream. The console's browser
 * tests ({@link ConsoleInTheBrowser}, orders 10–19) run on this same suite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FanOutSystemIT extends ConsoleInTheBrowser {

    static final String GRID = "621223101001001";
    static final String OFFICER = "officer.lichuan";
    static final ApiClient gateway = new ApiClient("http://localhost:" + System.getenv().getOrDefault("GATEWAY_PORT", "8080"));
    static ApiClient member;
    static ApiClient officer;
    static String officerToken;
    static ApiClient mediator;
    /** A real Prometheus scraping this suite (MetricsChecks); absent where the binary is missing. */
    static LivePrometheus prometheus;
    static LiveMetricsChecks checks;

    @BeforeAll
    static void startSuite() throws Exception {
        Suite.start();
        java.util.Optional<java.nio.file.Path> binary = LivePrometheus.binary();
        if (binary.isPresent()) {
            prometheus = LivePrometheus.start(binary.get(), Suite.WORK.resolve("prometheus"));
            checks = new LiveMetricsChecks(prometheus);
        }
        member = gateway.withToken(SignIn.user("member.yangjia"));
        officerToken = SignIn.user(OFFICER);
        officer = gateway.withToken(officerToken);
        mediator = gateway.withToken(SignIn.user("mediator.lichuan"));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        Suite.stop();
    }

    private static String report(String gridCode) {
        return """
                {"gridCode":"%s",
                 "startedAt":"2026-01-04T09:00:00+08:00","endedAt":"2026-01-04T11:30:00+08:00",
                 "findings":[
                   {"kind":"DISPUTE","description":"牧民的牛群踩踏了十余户药农的覆膜药苗","location":{"longitude":104.392,"latitude":34.047},
                    "dispute":{"type":"LIVESTOCK_DAMAGE","riskLevel":"MEDIUM","parties":[
                      {"kind":"PERSON","role":"APPLICANT","name":"杨某","claims":"赔偿覆膜药苗损失"},
                      {"kind":"PERSON","role":"RESPONDENT","name":"马某"}]}},
                   {"kind":"INCIDENT","description":"田间党参被盗","location":{"longitude":104.395,"latitude":34.049}}]}
                """.formatted(gridCode);
    }

    private static JsonNode items(ApiClient as, String path) {
        ApiClient.Response response = as.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.json().get("items");
    }

    @Test
    @Order(1)
    void aPatrolReportFansOutToAVisitAnIncidentACountAndANotification() {
        ApiClient.Response created = member.post("/api/patrol-reports", report(GRID));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).isNotBlank();
        assertThat(created.json().get("memberId").asString()).as("the reporter is the signed-in member")
                .isEqualTo("member.yangjia");
        String reportId = created.json().get("id").asString();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode visits = items(mediator, "/api/follow-up-visits?patrolReportId=" + reportId);
            assertThat(visits).hasSize(1);
            assertThat(visits.get(0).get("gridCode").asString()).isEqualTo(GRID);
            assertThat(visits.get(0).get("dueOn").asString()).isEqualTo("2026-01-07");

            JsonNode incidents = items(officer, "/api/incidents?sourceReference=" + reportId);
            assertThat(incidents).hasSize(1);
            assertThat(incidents.get(0).get("caseNumber").asString()).matches("621223-\\d{8}-\\d{5}");
            assertThat(incidents.get(0).get("description").asString()).isEqualTo("田间党参被盗");

            JsonNode stats = officer.get("/api/grid-statistics/" + GRID + "?from=2026-01-04&to=2026-01-04").json();
            assertThat(stats.get("patrolReports").asLong()).isPositive();
            assertThat(stats.get("findings").get("DISPUTE").asLong()).isPositive();

            JsonNode notifications = items(officer, "/api/notifications?subjectId=" + reportId);
            assertThat(notifications).hasSize(1);
            assertThat(notifications.get(0).get("recipientId").asString()).isEqualTo(OFFICER);
        });
        JsonNode disputes = items(mediator, "/api/disputes?sourceReference=" + reportId);
        assertThat(disputes).hasSize(1);
        JsonNode dispute = mediator.get("/api/disputes/" + disputes.get(0).get("id").asString()).json();
        assertThat(dispute.get("type").asString()).as("as the member classified it").isEqualTo("LIVESTOCK_DAMAGE");
        assertThat(dispute.get("parties").findValuesAsString("role")).containsExactly("APPLICANT", "RESPONDENT");
    }

    /**
     * One trace of a patrol report, as Zipkin (started by run.sh with TRACING=1) shows it: the gateway's request,
     * grid-service storing the report, and, across Kafka and each outbox, the services that acted on it.
     */
    @Test
    @Order(1)
    void aPatrolReportIsOneTraceFromTheGatewayThroughEveryServiceItReached() {
        ApiClient.Response created = member.post("/api/patrol-reports", report(GRID));
        assertThat(created.status()).isEqualTo(201);
        String traceId = created.header("X-Trace-Id");
        assertThat(traceId).as("the gateway names the trace of every answer").matches("[0-9a-f]{32}");
        String reportId = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(items(mediator, "/api/follow-up-visits?patrolReportId=" + reportId)).hasSize(1);
            assertThat(items(officer, "/api/incidents?sourceReference=" + reportId)).hasSize(1);
        });

        ApiClient zipkin = new ApiClient(Suite.ZIPKIN).unvalidated();   // Zipkin's API, not one of the suite's documents
        java.util.List<String> wanted = java.util.List.of("gateway", "grid-service", "mediation-service", "case-service");
        // each process sends its spans in batches every few seconds
        JsonNode trace = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> zipkin.get("/api/v2/trace/" + traceId),
                        r -> r.status() == 200 && servicesOf(r.json()).containsAll(wanted)).json();

        java.util.Map<String, Long> spansPerService = new java.util.TreeMap<>();
        trace.forEach(span -> spansPerService.merge(span.get("localEndpoint").get("serviceName").asString(), 1L,
                Long::sum));
        System.out.println("Trace " + traceId + " of one patrol report: " + trace.size() + " spans " + spansPerService);
        assertThat(spans(trace, "gateway", "SERVER")).as("the client's request").isNotEmpty();
        assertThat(spans(trace, "grid-service", "SERVER")).as("the report stored").isNotEmpty();
        assertThat(spans(trace, "grid-service", "PRODUCER")).as("its event published by the relay").isNotEmpty();
        assertThat(spans(trace, "mediation-service", "CONSUMER")).as("the dispute opened from it").isNotEmpty();
        assertThat(spans(trace, "case-service", "CONSUMER")).as("the incident opened from it").isNotEmpty();
        java.util.Set<String> ids = new java.util.HashSet<>();
        trace.forEach(span -> ids.add(span.get("id").asString()));
        trace.forEach(span -> {
            if (span.has("parentId")) {
                assertThat(ids).as("the parent of %s is in the trace", span.get("name").asString())
                        .contains(span.get("parentId").asString());
            }
        });
    }

    private static java.util.Set<String> servicesOf(JsonNode trace) {
        java.util.Set<String> services = new java.util.TreeSet<>();
        trace.forEach(span -> services.add(span.get("localEndpoint").get("serviceName").asString()));
        return services;
    }

    private static java.util.List<JsonNode> spans(JsonNode trace, String service, String kind) {
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        trace.forEach(span -> {
            if (service.equals(span.get("localEndpoint").get("serviceName").asString()) && span.has("kind")
                    && kind.equals(span.get("kind").asString())) {
                found.add(span);
            }
        });
        return found;
    }

    /**
     * 隐患不消除不放过, across four services: a grid member's HAZARD finding opens a hazard in case-service; nobody
     * orders its rectification in time (the default suite runs with a 20 s ordering limit and a 5 s sweep, see
     * {@link Suite}), so the sweep escalates it GRID → TOWNSHIP → COUNTY; grid-service's warning rule turns the county
     * escalation into a risk warning; notification-service tells the county's supervisor, and only that area sees it.
     */
    @Test
    @Order(1)
    void anIgnoredHazardRisesToTheCountyAndTheCountySupervisorIsWarned() throws Exception {
        String reportId = member.post("/api/patrol-reports", """
                {"gridCode":"%s","startedAt":"2026-01-04T09:00:00+08:00","endedAt":"2026-01-04T10:00:00+08:00",
                 "findings":[{"kind":"HAZARD","description":"后山滑坡体裂缝扩大，坡下三户村民房屋受威胁",
                              "location":{"longitude":104.393,"latitude":34.048}}]}
                """.formatted(GRID)).json().get("id").asString();
        String hazardId = "patrol-" + reportId + "-0";
        ApiClient county = gateway.withToken(SignIn.user("supervisor.county"));

        JsonNode hazard = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            ApiClient.Response r = officer.unvalidated().get("/api/hazards/" + hazardId);
            return r.status() == 200 ? r.json() : null;
        }, h -> h != null && "COUNTY".equals(h.get("level").asString()));
        assertThat(hazard.get("state").asString()).as("nobody ordered it, so it still waits for an order")
                .isEqualTo("REPORTED");
        assertThat(hazard.get("timeline").findValuesAsString("action")).containsSubsequence("escalated", "escalated");

        JsonNode warning = await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode items = items(county, "/api/risk-warnings?rule=hazard-escalated-to-the-county&size=100");
            for (JsonNode w : items) {
                if (w.get("evidence").findValuesAsString("matterId").contains(hazardId)) {
                    return w;
                }
            }
            return null;
        }, w -> w != null);
        assertThat(warning.get("areaCode").asString()).isEqualTo("621223");
        assertThat(warning.get("level").asString()).isEqualTo("RED");

        String warningId = warning.get("id").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                items(county, "/api/notifications?subjectId=" + warningId).findValuesAsString("kind"))
                .containsExactly("RISK_WARNING_RAISED"));
        ApiClient muer = gateway.withToken(SignIn.user("supervisor.muer"));
        assertThat(muer.unvalidated().get("/api/risk-warnings/" + warningId).status())
                .as("another township's supervisor does not see the county's warning").isEqualTo(404);
    }

    @Test
    @Order(2)
    void theResponsibleOfficerSeesANewReportLiveOnTheInboxStreamThroughTheGateway() throws Exception {
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var stream = http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + System.getenv().getOrDefault("GATEWAY_PORT", "8080")
                                + "/api/notifications/stream?maxSeconds=60"))
                        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + officerToken).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        var response = stream.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();

        String reportId = member.post("/api/patrol-reports", report(GRID)).json().get("id").asString();

        await().atMost(Duration.ofSeconds(60)).until(() -> lines.stream()
                .anyMatch(line -> line.startsWith("data:") && line.contains(reportId)));
        assertThat(lines).contains("event:notification");
    }

    @Test
    @Order(3)
    void otherAreasSeeNothingAndCannotWriteThere() throws Exception {
        String reportId = member.post("/api/patrol-reports", report(GRID)).json().get("id").asString();
        ApiClient muerOfficer = gateway.withToken(SignIn.user("officer.muer"));
        ApiClient malianMember = gateway.withToken(SignIn.user("member.malian"));   // 马莲村, 木耳乡

        assertThat(muerOfficer.get("/api/patrol-reports/" + reportId).status()).isEqualTo(404);
        assertThat(items(muerOfficer, "/api/patrol-reports?gridCode=" + GRID)).isEmpty();
        ApiClient.Response intoOtherGrid = malianMember.post("/api/patrol-reports", report(GRID));
        assertThat(intoOtherGrid.status()).isEqualTo(403);
        assertThat(intoOtherGrid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(gateway.get("/api/patrol-reports").status()).as("no token").isEqualTo(401);
        assertThat(gateway.get("/api/service-items").status()).as("the catalogue is public").isEqualTo(200);
    }

    @Test
    @Order(4)
    void badInputGets400ProblemsThroughTheGatewayAndNothingIsStored() {
        long before = member.get("/api/patrol-reports?gridCode=" + GRID).json().get("total").asLong();
        ApiClient.Response malformed = member.post("/api/patrol-reports", "{\"gridCode\":\"" + GRID + "\",");
        ApiClient.Response invalid = member.post("/api/patrol-reports",
                report(GRID).replace(GRID, "12345").replace("2026-01-04T11:30", "2026-01-04T08:30"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:malformed-request");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("gridCode");
        assertThat(member.get("/api/patrol-reports?gridCode=" + GRID).json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void everyServiceIsListedInTheGatewaysSwaggerUiWithItsSignIn() {
        for (String service : new String[] {"grid-service", "case-service", "mediation-service", "petition-service",
                "notification-service"}) {
            ApiClient.Response doc = gateway.get("/v3/api-docs/" + service);
            assertThat(doc.status()).as(service).isEqualTo(200);
            assertThat(doc.json().get("openapi").asString()).startsWith("3.");
            assertThat(doc.json().get("paths").size()).as(service + " paths").isPositive();
            assertThat(doc.json().get("components").get("securitySchemes").get("oauth2").get("flows")
                    .get("authorizationCode").get("authorizationUrl").asString()).endsWith("/oauth2/authorize");
        }
        assertThat(gateway.get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(gateway.get("/actuator/prometheus").text()).contains("spring_cloud_gateway");
    }

    /**
     * Every operation of every service's OpenAPI document has a gateway route: whatever the service answers (a
     * 403, a 404 for the placeholder id, a 415 for the text body), it is never the gateway's own "nothing at" 404.
     * Writes send a text body, which the services refuse before any handler runs.
     */
    @Test
    @Order(5)
    void everyDocumentedOperationIsReachableThroughTheGateway() throws Exception {
        // placeholder paths and bodies ("x1", "x") are out of contract on purpose: this asks only whether the
        // gateway routes each operation, so the answers are not held to the documents
        ApiClient county = gateway.withToken(SignIn.user("supervisor.county")).unvalidated();
        java.util.List<String> unrouted = new java.util.ArrayList<>();
        int operations = 0;
        for (String service : new String[] {"grid-service", "case-service", "mediation-service", "petition-service",
                "notification-service"}) {
            JsonNode paths = gateway.get("/v3/api-docs/" + service).json().get("paths");
            for (var path : paths.properties()) {
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "x1");
                for (var operation : path.getValue().properties()) {
                    String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                    if (concrete.equals("/api/notifications/stream")) {
                        continue;       // a live stream that stays open: its own route, tested in Order(2)
                    }
                    operations++;
                    boolean write = !method.equals("GET") && !method.equals("DELETE") && !method.equals("HEAD");
                    ApiClient.Response response = write
                            ? county.send(method, concrete, "x", "Content-Type", "text/plain")
                            : county.send(method, concrete, null);
                    boolean gatewaysOwn404 = response.status() == 404 && response.json() != null
                            && response.json().path("detail").asString("").startsWith("There is nothing at");
                    if (gatewaysOwn404 || response.status() == 503 || response.status() == 504) {
                        unrouted.add(method + " " + path.getKey() + " (" + service + ") -> " + response.status());
                    }
                }
            }
        }
        assertThat(operations).as("operations in the documents").isGreaterThan(100);
        assertThat(unrouted).as("documented operations the gateway does not route").isEmpty();
    }

    @Test
    @Order(6)
    void anotherSystemReadsIncidentsWithClientCredentialsAndForgedTokensAreRefused() {
        ApiClient auth = new ApiClient(SignIn.AUTH);
        assertThat(auth.get("/.well-known/openid-configuration").json().get("jwks_uri").asString()).endsWith("/oauth2/jwks");
        String accessToken = SignIn.client("market-supervision", "market-supervision-secret", "cases.read");
        assertThat(accessToken.split("\\.")).hasSize(3);

        assertThat(gateway.withToken(accessToken).get("/api/incidents").status()).isEqualTo(200);
        ApiClient.Response report = gateway.withToken(accessToken).post("/api/incidents", "{\"source\":\"OTHER_SYSTEM\","
                + "\"gridCode\":\"621223101001001\",\"description\":\"市场监管移送：无照经营\"}");
        assertThat(report.status()).as("cases.read reads, it does not report (issue 13)").isEqualTo(403);
        ApiClient.Response forged = gateway.withToken(accessToken + "x").get("/api/incidents");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:unauthorized");
    }

    @Test
    @Order(7)
    void theCountySupervisorSeesWhoWroteWhatInTheAuditTrail() throws Exception {
        ApiClient county = gateway.withToken(SignIn.user("supervisor.county"));

        JsonNode records = items(county, "/api/audit/grid-service/records?actor=member.yangjia&action=CREATE");
        assertThat(records).isNotEmpty();
        assertThat(records.get(0).get("objectType").asString()).isEqualTo("patrol-reports");
        assertThat(records.get(0).get("role").asString()).isEqualTo("GRID_MEMBER");
        assertThat(records.get(0).get("operation").asString()).isEqualTo("patrol-report.create");
        assertThat(county.get("/api/audit/grid-service/verification").json().get("ok").asBoolean()).isTrue();
        assertThat(officer.get("/api/audit/grid-service/records").status()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void aSystemTellsTheStoryThroughTheJavaClientGeneratedFromTheCommittedDocuments() throws Exception {
        new GeneratedClientStory("http://localhost:" + System.getenv().getOrDefault("GATEWAY_PORT", "8080"))
                .run(SignIn.user("member.yangjia"), SignIn.user("mediator.lichuan"), GRID);
    }

    /**
     * The alert rules and dashboards against a real Prometheus scraping the suite: every series a rule reads exists
     * and is a number, every rule evaluates, an unreadable record is dead-lettered and the rule says so, the consumer
     * lag has a value per group, every dashboard query runs on served metrics, every own metric is described.
     * (After the events test: the unreadable record is no event.) Skipped where {@code prometheus} is missing;
     * {@code .ci/run} installs it.
     */
    @Test
    @Order(9)
    void theAlertRulesAndDashboardsReadSeriesTheRunningSuiteServes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(checks != null, "prometheus is not on the PATH (apt-get install prometheus)");
        checks.everyTargetIsUp();
        LiveMetricsChecks.submitReports(member, GRID, 10);
        LiveMetricsChecks.sendUnreadableRecord(LiveMetricsChecks.topicOfUnreadableRecord());

        java.util.Map<String, Integer> inputs = checks.everyRuleInputExistsAndIsANumber();
        System.out.println("Series read by the alert rules (metric = series, none NaN):\n" + LiveMetricsChecks.figures(inputs));
        java.util.Map<String, String> states = checks.everyRuleEvaluates();
        System.out.println("Rules evaluated without error (alert = state):\n" + LiveMetricsChecks.figures(states));
        checks.noKafkaMetricIsReportedTwice();
        assertThat(states).containsKeys("KafkaConsumerLagHigh", "OutboxEventWaiting", "ServiceBelowDesiredInstances",
                "AuditChainBroken", "OverdueWorkRising", "EventsDeadLettered");
        assertThat(states.get("AuditChainBroken")).as("the suite's own chains verify").isEqualTo("inactive");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(prometheus.query("ALERTS{alertname=\"EventsDeadLettered\", alertstate=\"firing\"}"))
                        .map(series -> series.label("topic")).contains(LiveMetricsChecks.topicOfUnreadableRecord()));

        System.out.println("Consumer lag per group (max over topics):\n" + LiveMetricsChecks.figures(checks.lagPerGroup()));
        java.util.Map<String, Integer> queries = checks.everyDashboardQueryRuns();
        System.out.println("Dashboard queries: " + queries.size() + ", of which with data now: "
                + queries.values().stream().filter(n -> n > 0).count());
        System.out.println("deploy/prometheus/metrics.txt, series per metric:\n"
                + LiveMetricsChecks.figures(checks.everyCataloguedMetricIsServed()));
        System.out.println("tanchang metric families, all with # HELP: " + checks.everyOwnMetricIsDescribed().size());
    }

    @Test
    @Order(20)
    void aStoppedServiceIsAnsweredWithA503ProblemWithinItsTimeLimit() throws Exception {
        // signed in again: the tokens of the start are older than their 5 minutes by now (the browser tests ran)
        member = gateway.withToken(SignIn.user("member.yangjia"));
        officer = gateway.withToken(SignIn.user(OFFICER));
        Suite.stop("case-service");

        long started = System.nanoTime();
        // the gateway's own fallback answers here, not case-service: its 503 is in no service's document
        ApiClient.Response response = officer.unvalidated().get("/api/incidents");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:service-unavailable");
        assertThat(response.json().get("detail").asString()).contains("case-service");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(officer.get("/api/grids").status()).as("other routes keep working").isEqualTo(200);

        if (checks != null) {
            // a consumer that is down is not invisible: its group's lag is measured by the topic's producer
            java.util.Map<String, Double> lag = checks.lagOfAStoppedConsumerIsVisible("case-service", "case-service",
                    () -> LiveMetricsChecks.submitReports(member, GRID, 5));
            System.out.println("Lag of case-service while it is stopped (per topic):\n" + LiveMetricsChecks.figures(lag));
            checks.noKafkaMetricIsReportedTwice();
        }
    }

    /**
     * Every event the suite published during the story (and the seeding before it), read from run.sh's broker, is
     * what the AsyncAPI document says: the reverse-DNS type, the CloudEvents headers with the trace context, the data
     * as its record's generated schema. The document itself is served by the gateway.
     */
    @Test
    @Order(8)
    void everyEventTheSuitePublishedConformsToTheAsyncApiDocumentServedByTheGateway() throws Exception {
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "localhost:" + System.getenv().getOrDefault("KAFKA_PORT", "9092"));
        EventSchemas schemas = EventSchemas.committed();
        long before = EventSchemas.validatedCount();
        java.util.Map<String, Integer> perTopic = new java.util.TreeMap<>();
        for (String topic : Topics.ALL) {
            var records = TestEvents.readAll(bootstrap, topic, Duration.ofSeconds(2));   // validates each one
            assertThat(records).as("events on " + topic + " published by the suite").allMatch(schemas::isSuiteEvent);
            perTopic.put(topic, records.size());
        }
        long validated = EventSchemas.validatedCount() - before;
        System.out.println("system test: " + validated + " events validated against the AsyncAPI document "
                + perTopic);
        assertThat(validated).isPositive();
        assertThat(perTopic.get(Topics.PATROL_REPORTS)).isPositive();
        assertThat(perTopic.get(Topics.DISPUTES)).isPositive();
        assertThat(perTopic.get(Topics.INCIDENTS)).isPositive();

        ApiClient.Response document = gateway.get("/asyncapi.json");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.json().get("channels").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }
}
