package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tanchang.grid.platform.test.ApiClient;

/**
 * The alert rules and dashboards against a real Prometheus scraping the suite that run.sh started: every series a
 * rule reads exists and is a number, every rule evaluates, the consumer lag has a value per group and shows a
 * consumer that is stopped, every dashboard query runs on served metrics, every own metric is described. Figures
 * are printed. Skipped where the {@code prometheus} binary is missing ({@code .ci/run} installs it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsSystemIT {

    static final String GRID = "621223101001001";
    static LivePrometheus prometheus;
    static LiveMetricsChecks checks;
    static ApiClient member;

    @BeforeAll
    static void startSuiteAndPrometheus() throws Exception {
        Optional<Path> binary = LivePrometheus.binary();
        assumeTrue(binary.isPresent(), "prometheus is not on the PATH (apt-get install prometheus)");
        Suite.start();
        prometheus = LivePrometheus.start(binary.get(), Suite.WORK.resolve("prometheus"));
        checks = new LiveMetricsChecks(prometheus);
        ApiClient gateway = new ApiClient("http://localhost:" + System.getenv().getOrDefault("GATEWAY_PORT", "8080"));
        member = gateway.withToken(SignIn.user("member.yangjia"));
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (checks != null) {
            Suite.stop();
        }
    }

    @Test
    @Order(1)
    void theRulesReadSeriesThatExistAndAreNumbers() throws Exception {
        checks.everyTargetIsUp();
        LiveMetricsChecks.submitReports(member, GRID, 10);
        LiveMetricsChecks.sendUnreadableRecord(LiveMetricsChecks.topicOfUnreadableRecord());

        Map<String, Integer> inputs = checks.everyRuleInputExistsAndIsANumber();
        System.out.println("Series read by the alert rules (metric = series, none NaN):\n" + LiveMetricsChecks.figures(inputs));
        Map<String, String> states = checks.everyRuleEvaluates();
        System.out.println("Rules evaluated without error (alert = state):\n" + LiveMetricsChecks.figures(states));
        System.out.println("Kafka client lag series (not used by the rules):\n"
                + LiveMetricsChecks.figures(checks.kafkaClientLagFigures()));
        checks.noKafkaMetricIsReportedTwice();
        assertThat(states).containsKeys("KafkaConsumerLagHigh", "OutboxEventWaiting", "ServiceBelowDesiredInstances",
                "AuditChainBroken", "OverdueWorkRising", "EventsDeadLettered");
        assertThat(states.get("AuditChainBroken")).as("the suite's own chains verify").isEqualTo("inactive");
        // the unreadable record was dead-lettered, and the rule says so
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(prometheus.query("ALERTS{alertname=\"EventsDeadLettered\", alertstate=\"firing\"}"))
                        .map(s -> s.label("topic")).contains(LiveMetricsChecks.topicOfUnreadableRecord()));
    }

    @Test
    @Order(2)
    void theLagHasAValuePerConsumerGroup() {
        Map<String, Double> lag = checks.lagPerGroup();
        System.out.println("Consumer lag per group (max over topics):\n" + LiveMetricsChecks.figures(lag));
    }

    @Test
    @Order(3)
    void everyDashboardQueryRunsOnServedMetrics() throws Exception {
        Map<String, Integer> results = checks.everyDashboardQueryRuns();
        System.out.println("Dashboard queries: " + results.size() + ", of which with data now: "
                + results.values().stream().filter(n -> n > 0).count());
    }

    @Test
    @Order(4)
    void everyCataloguedMetricIsServed() throws Exception {
        Map<String, Integer> counts = checks.everyCataloguedMetricIsServed();
        System.out.println("deploy/prometheus/metrics.txt, series per metric:\n" + LiveMetricsChecks.figures(counts));
    }

    @Test
    @Order(5)
    void everyOwnMetricIsDescribed() {
        Map<String, String> help = checks.everyOwnMetricIsDescribed();
        System.out.println("tanchang metric families, all with # HELP: " + help.size());
    }

    @Test
    @Order(6)
    void aStoppedConsumersLagIsVisible() throws Exception {
        Suite.stop("notification-service");
        Map<String, Double> lag = checks.lagOfAStoppedConsumerIsVisible("notification-service", "notification-service",
                () -> LiveMetricsChecks.submitReports(member, GRID, 5));
        System.out.println("Lag of notification-service while it is stopped (per topic):\n" + LiveMetricsChecks.figures(lag));
        // by now every consumer has fetched: the per-partition series of the Kafka clients exist
        System.out.println("Kafka client lag series at the end:\n" + LiveMetricsChecks.figures(checks.kafkaClientLagFigures()));
        checks.noKafkaMetricIsReportedTwice();
    }
}
