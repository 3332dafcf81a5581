package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The suite at scale 2, started by {@code SCALE=2 run.sh start}: two instances of each service (the second on its
 * port + 100), two peered registries, one gateway. Driven through the gateway with real tokens; which instance did
 * what is read from each instance's own metrics ({@code /actuator/prometheus}), never from anything added to the
 * answers. The layout crosses the registries on purpose: the gateway knows only registry-2, petition-service-2 only
 * registry-1, every other process both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutSystemIT {

    static final String GRID = "621223101001001";
    static final String REGISTRY_1 = "http://localhost:8761/eureka/";
    static final String REGISTRY_2 = "http://127.0.0.1:8861/eureka/";
    static final List<String> SERVICES = List.of("grid-service", "case-service", "mediation-service",
            "petition-service", "notification-service");
    /** Each service's consumer group (grid-service's statistics have a group of their own). */
    static final Map<String, String> GROUPS = Map.of("grid-service", "grid-service-statistics",
            "case-service", "case-service", "mediation-service", "mediation-service",
            "petition-service", "petition-service", "notification-service", "notification-service");
    static final Map<String, Integer> PORTS = Map.of("grid-service", 8081, "case-service", 8082,
            "mediation-service", 8083, "petition-service", 8084, "notification-service", 8085);

    // The time the gateway may keep routing to a killed instance, from the configuration: the registries evict an
    // instance whose lease (15 s, which Eureka counts twice) ran out, at their next eviction run (every 3 s); the
    // gateway sees it gone at its next registry fetch (every 5 s, one more if a fetch was in flight; no load-balancer
    // cache); meanwhile its calls fail fast and the breaker may open for 10 s on them.
    static final Duration ROUTING_BOUND = Duration.ofSeconds(2 * 15 + 3 + 2 * 5 + 10);

    static final Suite suite = Suite.of("suite-scale", Map.of(
            "SCALE", "2",
            "GATEWAY_EUREKA_URI", REGISTRY_2,
            "PETITION_SERVICE_2_EUREKA_URI", REGISTRY_1));
    static final ApiClient gateway = new ApiClient("http://localhost:8080");
    static final HttpClient http = HttpClient.newHttpClient();
    static final long started = System.nanoTime();
    static String memberToken;
    static String officerToken;
    static ApiClient member;
    static ApiClient officer;
    static ApiClient mediator;
    static Admin kafka;

    @BeforeAll
    static void startSuiteAtScaleTwo() throws Exception {
        long t0 = System.nanoTime();
        suite.up();
        System.out.printf("scale-out: SCALE=2 run.sh start took %d s%n", seconds(t0));
        memberToken = SignIn.user("member.yangjia");
        officerToken = SignIn.user("officer.lichuan");
        member = gateway.withToken(memberToken);
        officer = gateway.withToken(officerToken);
        mediator = gateway.withToken(SignIn.user("mediator.lichuan"));
        kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        long t0 = System.nanoTime();
        suite.down();
        System.out.printf("scale-out: stop took %d s; whole test %d s%n", seconds(t0), seconds(started));
    }

    @Test
    @Order(1)
    void requestsThroughTheGatewayAreSpreadOverBothInstancesOfEveryService() {
        Map<String, String> paths = Map.of("grid-service", "/api/grids", "case-service", "/api/incidents",
                "mediation-service", "/api/disputes", "petition-service", "/api/service-items",
                "notification-service", "/api/notifications");
        Map<String, List<Long>> perInstance = new LinkedHashMap<>();
        for (String service : SERVICES) {
            String path = paths.get(service);
            List<Long> before = served(service, path);
            for (int i = 0; i < 10; i++) {
                assertThat(officer.get(path).status()).as(service + " " + path).isEqualTo(200);
            }
            List<Long> after = served(service, path);
            List<Long> delta = List.of(after.get(0) - before.get(0), after.get(1) - before.get(1));
            perInstance.put(service + " " + path, delta);
            assertThat(delta).as("requests on each instance of " + service).allMatch(n -> n > 0);
            assertThat(delta.get(0) + delta.get(1)).as("every request landed on one of them").isEqualTo(10);
        }
        System.out.println("scale-out: 10 gateway requests per service, served by [instance 1, instance 2]: "
                + perInstance);
    }

    @Test
    @Order(2)
    void thePartitionsOfEveryTopicAreSplitBetweenTheInstancesOfEachConsumerGroup() throws Exception {
        Map<String, Integer> partitions = new TreeMap<>();
        kafka.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS)
                .forEach((topic, description) -> partitions.put(topic, description.partitions().size()));
        assertThat(partitions.values()).as("partitions per topic, enough for two consumers").allMatch(n -> n >= 2);
        System.out.println("scale-out: partitions per topic " + partitions);

        // each listener of a service is one member of the service's group on each instance; a topic's partitions are
        // split between the two members that subscribe to it, one per instance
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, ConsumerGroupDescription> groups = kafka.describeConsumerGroups(GROUPS.values()).all()
                    .get(30, TimeUnit.SECONDS);
            for (String group : GROUPS.values()) {
                Map<String, List<String>> holders = holdersPerTopic(groups.get(group).members());
                assertThat(holders).as("group " + group + " subscribes to topics").isNotEmpty();
                holders.forEach((topic, members) -> assertThat(members)
                        .as("group " + group + ": members holding partitions of " + topic).hasSize(2));
                assertThat(assigned(groups.get(group).members())).as("group " + group + ": every partition, once")
                        .containsExactlyInAnyOrderElementsOf(allPartitions(holders.keySet(), partitions));
            }
        });
        Map<String, ConsumerGroupDescription> groups = kafka.describeConsumerGroups(GROUPS.values()).all()
                .get(30, TimeUnit.SECONDS);
        for (String group : new TreeSet<>(GROUPS.values())) {
            System.out.println("scale-out: group " + group + ": " + describe(groups.get(group).members()));
        }

        // the grid map (case, mediation and petition) is kept in memory by each instance: a group per instance
        // that holds every partition of the grids, not a share of them
        Set<String> all = kafka.listGroups().all().get(30, TimeUnit.SECONDS).stream().map(GroupListing::groupId)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String service : List.of("case-service", "mediation-service", "petition-service")) {
            List<String> mapGroups = all.stream().filter(g -> g.startsWith(service + "-grid-map")).toList();
            assertThat(mapGroups).as(service + ": a grid-map group per instance").hasSize(2);
            for (ConsumerGroupDescription group : kafka.describeConsumerGroups(mapGroups).all()
                    .get(30, TimeUnit.SECONDS).values()) {
                assertThat(assigned(group.members())).as(group.groupId() + " reads every grid")
                        .hasSize(partitions.get(Topics.GRIDS));
            }
        }
    }

    @Test
    @Order(3)
    void anInboxStreamOpenOnOneInstanceReceivesWhatTheOtherInstanceProduced() throws Exception {
        // one stream on each notification-service instance, straight to its port, with the officer's token
        BlockingQueue<String> onFirst = stream(8085);
        BlockingQueue<String> onSecond = stream(8185);
        Map<String, String> producedBy = new LinkedHashMap<>();
        for (int i = 0; i < 20 && !producedBy.values().containsAll(List.of("notification-service",
                "notification-service-2")); i++) {
            List<Long> before = consumed("notification-service", Topics.PATROL_REPORTS);
            String reportId = post(report("2026-03-11"));
            await().atMost(Duration.ofSeconds(60)).until(() -> sum(consumed("notification-service",
                    Topics.PATROL_REPORTS)) > sum(before));
            List<Long> after = consumed("notification-service", Topics.PATROL_REPORTS);
            producedBy.put(reportId, after.get(0) > before.get(0) ? "notification-service" : "notification-service-2");
            for (BlockingQueue<String> lines : List.of(onFirst, onSecond)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
                        .anyMatch(line -> line.startsWith("data:") && line.contains(reportId)));
            }
        }
        System.out.println("scale-out: inbox messages (report -> instance that produced it), each seen live on the "
                + "streams of both instances: " + producedBy);
        assertThat(producedBy.values()).as("messages produced on each instance")
                .contains("notification-service", "notification-service-2");
    }

    @Test
    @Order(4)
    void aServiceRegisteredOnlyWithRegistryOneIsRoutedByTheGatewayThatKnowsOnlyRegistryTwo() {
        // petition-service-2 was given registry-1 alone, the gateway registry-2 alone (see the suite's variables)
        assertThat(instances("http://localhost:8761")).as("registry-1").contains("petition-service:localhost:8184");
        assertThat(instances("http://localhost:8861")).as("registry-2, by replication from its peer")
                .contains("petition-service:localhost:8184", "gateway:localhost:8080");
        List<Long> before = served("petition-service", "/api/service-items");
        for (int i = 0; i < 6; i++) {
            assertThat(gateway.get("/api/service-items").status()).isEqualTo(200);
        }
        List<Long> after = served("petition-service", "/api/service-items");
        System.out.printf("scale-out: gateway on registry-2 only -> petition-service-2 (registry-1 only) served %d "
                + "of 6 catalogue requests, petition-service %d%n", after.get(1) - before.get(1),
                after.get(0) - before.get(0));
        assertThat(after.get(1)).as("requests petition-service-2 served through that gateway")
                .isGreaterThan(before.get(1));
    }

    /**
     * 40 patrol reports, each with a DISPUTE and an INCIDENT finding, on a day of their own; mediation-service-2 is
     * killed (-9) after the first half, once it has consumed some. Every report has exactly one dispute, visit,
     * incident and officer's notification, and the day counts exactly 40 of each.
     */
    @Test
    @Order(5)
    void aBurstWithAnInstanceKilledInTheMiddleLosesNothingAndDoublesNothing() throws Exception {
        String day = "2026-03-10";
        Map<String, List<Long>> before = consumedByService();
        long t0 = System.nanoTime();
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reports.add(post(report(day)));
        }
        // kill it while it works: once it has consumed part of the burst
        long mediationTwoBefore = before.get("mediation-service").get(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed("mediation-service", Topics.PATROL_REPORTS)
                .get(1) > mediationTwoBefore);
        long mediationTwoAtKill = consumed("mediation-service", Topics.PATROL_REPORTS).get(1);
        long pid = suite.pidOf("mediation-service-2");
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        long killedAt = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            reports.add(post(report(day)));
        }
        System.out.printf("scale-out: 40 reports posted in %d ms; mediation-service-2 (pid %d) killed -9 after 20, "
                + "when it had consumed %d%n", (System.nanoTime() - t0) / 1_000_000, pid,
                mediationTwoAtKill - mediationTwoBefore);

        // how long the gateway keeps sending calls to the dead instance: every call that lands there fails fast
        // (connection refused, the 503 fallback); done once 15 s pass without a failure
        ApiClient probe = mediator.unvalidated();
        long lastFailure = killedAt;
        int failures = 0;
        int calls = 0;
        while (System.nanoTime() - Math.max(lastFailure, killedAt) < Duration.ofSeconds(15).toNanos()
                && System.nanoTime() - killedAt < Duration.ofSeconds(120).toNanos()) {
            calls++;
            if (probe.get("/api/disputes?sourceReference=none").status() != 200) {
                failures++;
                lastFailure = System.nanoTime();
            }
            Thread.sleep(100);
        }
        Duration routedToDead = Duration.ofNanos(lastFailure - killedAt);
        System.out.printf("scale-out: the gateway stopped routing to the killed instance %.1f s after the kill "
                + "(%d of %d calls failed meanwhile; bound from the configuration %d s)%n",
                routedToDead.toMillis() / 1000.0, failures, calls, ROUTING_BOUND.toSeconds());
        assertThat(routedToDead).isLessThanOrEqualTo(ROUTING_BOUND);
        assertThat(instances("http://localhost:8861")).as("registry-2 evicted it")
                .doesNotContain("mediation-service:localhost:8183");

        // nothing lost, nothing doubled: the day's statistics and every report's effects
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode stats = officer.get("/api/grid-statistics/" + GRID + "?from=" + day + "&to=" + day).json();
            assertThat(stats.get("patrolReports").asLong()).isEqualTo(40);
            assertThat(stats.get("findings").get("DISPUTE").asLong()).isEqualTo(40);
            assertThat(stats.get("findings").get("INCIDENT").asLong()).isEqualTo(40);
        });
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (String reportId : reports) {
                assertCount(mediator, "/api/disputes?sourceReference=" + reportId, 1);
                assertCount(mediator, "/api/follow-up-visits?patrolReportId=" + reportId, 1);
                assertCount(officer, "/api/incidents?sourceReference=" + reportId, 1);
                assertCount(officer, "/api/notifications?subjectId=" + reportId, 1);
            }
        });
        Map<String, List<Long>> delta = new TreeMap<>();
        for (String service : List.of("grid-service", "case-service", "notification-service")) {
            List<Long> after = consumed(service, Topics.PATROL_REPORTS);
            delta.put(service, List.of(after.get(0) - before.get(service).get(0),
                    after.get(1) - before.get(service).get(1)));
        }
        long mediationOne = metric(PORTS.get("mediation-service"), "tanchang_events_consumed_total",
                "topic=\"" + Topics.PATROL_REPORTS + "\"", "outcome=\"success\"");
        delta.put("mediation-service", List.of(mediationOne - before.get("mediation-service").get(0),
                mediationTwoAtKill - mediationTwoBefore));
        System.out.printf("scale-out: burst done %d s after the first report: per finding 1 dispute, 1 visit, "
                + "1 incident, 1 notification, statistics of the day 40/40/40 (reports/DISPUTE/INCIDENT); "
                + "patrol reports consumed [instance 1, instance 2] %s (mediation-service-2 until its kill)%n",
                seconds(t0), delta);
        delta.forEach((service, counts) -> assertThat(counts).as(service + ": both instances consumed the burst")
                .allMatch(n -> n > 0));
    }

    @Test
    @Order(6)
    void aStatisticsRebuildAskedOfBothInstancesAtOnceRunsOnce() throws Exception {
        String day = "2026-03-10";
        String adminToken = SignIn.user("admin");
        // the same instant, one request straight to each grid-service instance
        List<CompletableFuture<ApiClient.Response>> asked = new ArrayList<>();
        for (int port : List.of(8081, 8181)) {
            ApiClient instance = ApiClient.local(port).withToken(adminToken);
            asked.add(CompletableFuture.supplyAsync(() -> instance.post("/api/statistics/rebuild", "")));
        }
        List<ApiClient.Response> answers = asked.stream().map(CompletableFuture::join).toList();
        List<String> ids = answers.stream().filter(a -> a.status() == 202).map(a -> a.json().get("id").asString())
                .distinct().toList();
        System.out.println("scale-out: rebuild asked of both grid-service instances at once: "
                + answers.stream().map(a -> a.status() + (a.status() == 202 ? " " + a.json().get("id").asString()
                        : "")).toList());
        assertThat(answers).allMatch(a -> a.status() == 202 || a.status() == 409);
        assertThat(ids).as("one rebuild, whichever instance was asked").hasSize(1);

        ApiClient admin = gateway.withToken(adminToken);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(admin.get("/api/statistics/rebuild/" + ids.get(0)).json().get("state").asString())
                        .isEqualTo("DONE"));
        JsonNode stats = officer.get("/api/grid-statistics/" + GRID + "?from=" + day + "&to=" + day).json();
        assertThat(stats.get("patrolReports").asLong()).as("the burst's day after the rebuild").isEqualTo(40);
        assertThat(stats.get("findings").get("DISPUTE").asLong()).isEqualTo(40);
        assertThat(stats.get("findings").get("INCIDENT").asLong()).isEqualTo(40);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static String report(String day) {
        return """
                {"gridCode":"%s",
                 "startedAt":"%sT09:00:00+08:00","endedAt":"%sT11:30:00+08:00",
                 "findings":[
                   {"kind":"DISPUTE","description":"牧民的牛群踩踏了十余户药农的覆膜药苗","location":{"longitude":104.392,"latitude":34.047},
                    "dispute":{"type":"LIVESTOCK_DAMAGE","riskLevel":"MEDIUM","parties":[
                      {"kind":"PERSON","role":"APPLICANT","name":"杨某","claims":"赔偿覆膜药苗损失"},
                      {"kind":"PERSON","role":"RESPONDENT","name":"马某"}]}},
                   {"kind":"INCIDENT","description":"田间党参被盗","location":{"longitude":104.395,"latitude":34.049}}]}
                """.formatted(GRID, day, day);
    }

    private static String post(String report) {
        ApiClient.Response created = member.post("/api/patrol-reports", report);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static void assertCount(ApiClient as, String path, int expected) {
        ApiClient.Response response = as.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.json().get("items")).as(path).hasSize(expected);
    }

    private static BlockingQueue<String> stream(int port) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<java.util.stream.Stream<String>> response = http.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/notifications/stream?maxSeconds=120"))
                        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + officerToken).build(),
                HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as("stream on port " + port).isEqualTo(200);
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-" + port);
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** Requests each instance of a service served on one path (its http.server.requests timer), [1, 2]. */
    private static List<Long> served(String service, String uri) {
        return List.of(metric(PORTS.get(service), "http_server_requests_seconds_count", "uri=\"" + uri + "\""),
                metric(PORTS.get(service) + 100, "http_server_requests_seconds_count", "uri=\"" + uri + "\""));
    }

    /** Records of a topic each instance of a service handled successfully, [1, 2]. */
    private static List<Long> consumed(String service, String topic) {
        String[] labels = {"topic=\"" + topic + "\"", "outcome=\"success\""};
        return List.of(metric(PORTS.get(service), "tanchang_events_consumed_total", labels),
                metric(PORTS.get(service) + 100, "tanchang_events_consumed_total", labels));
    }

    private static Map<String, List<Long>> consumedByService() {
        Map<String, List<Long>> counts = new TreeMap<>();
        for (String service : List.of("grid-service", "case-service", "mediation-service", "notification-service")) {
            counts.put(service, consumed(service, Topics.PATROL_REPORTS));
        }
        return counts;
    }

    private static long sum(List<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /** The sum of one metric's series that carry all the given labels, from an instance's Prometheus page. */
    private static long metric(int port, String name, String... labels) {
        ApiClient.Response page = ApiClient.local(port).unvalidated().get("/actuator/prometheus");
        assertThat(page.status()).as("metrics of port " + port).isEqualTo(200);
        double total = 0;
        for (String line : page.text().split("\n")) {
            if (line.startsWith(name + "{") && java.util.Arrays.stream(labels).allMatch(line::contains)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(total);
    }

    private static final Pattern INSTANCE_ID = Pattern.compile("\"instanceId\"\\s*:\\s*\"([^\"]+)\"");

    /** The instance ids a registry lists. */
    private static List<String> instances(String registry) {
        ApiClient.Response apps = new ApiClient(registry).unvalidated().get("/eureka/apps", "Accept", "application/json");
        assertThat(apps.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Matcher matcher = INSTANCE_ID.matcher(apps.text());
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** For each topic, the members (client ids) holding at least one of its partitions. */
    private static Map<String, List<String>> holdersPerTopic(Collection<MemberDescription> members) {
        Map<String, List<String>> holders = new TreeMap<>();
        for (MemberDescription member : members) {
            member.assignment().topicPartitions().stream().map(TopicPartition::topic).distinct()
                    .forEach(topic -> holders.computeIfAbsent(topic, t -> new ArrayList<>()).add(member.consumerId()));
        }
        return holders;
    }

    private static List<TopicPartition> assigned(Collection<MemberDescription> members) {
        return members.stream().flatMap(m -> m.assignment().topicPartitions().stream()).toList();
    }

    private static List<TopicPartition> allPartitions(Set<String> topics, Map<String, Integer> partitions) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            for (int p = 0; p < partitions.get(topic); p++) {
                all.add(new TopicPartition(topic, p));
            }
        }
        return all;
    }

    private static String describe(Collection<MemberDescription> members) {
        return members.stream().filter(m -> !m.assignment().topicPartitions().isEmpty())
                .map(m -> m.clientId() + m.host() + " " + m.assignment().topicPartitions().stream()
                        .collect(Collectors.groupingBy(TopicPartition::topic, TreeMap::new,
                                Collectors.mapping(TopicPartition::partition, Collectors.toCollection(TreeSet::new)))))
                .sorted().collect(Collectors.joining("; "));
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000L;
    }
}
