package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.workflow.Deadline;

/** The yellow and red flags of a dispute's time limit become news once each, on the sweep's clock. */
@ServiceIntegrationTest
class DeadlineFlagsTest {

    @LocalServerPort
    int port;

    @Autowired
    DeadlineFlags flags;

    @Autowired
    MongoTemplate mongo;

    private Deadline deadlineOf(String id) {
        return mongo.findById(id, Dispute.class).deadline;
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private List<String> flagEventsOf(String id) {
        return TestEvents.readAll(Topics.DISPUTES, Duration.ofMillis(500)).stream()
                .filter(r -> id.equals(r.key()))
                .map(r -> TestEvents.eventName(r))
                .filter(type -> type.equals("DisputeDeadlineApproaching") || type.equals("DisputeOverdue"))
                .toList();
    }

    @Test
    void theAcceptanceLimitIsAnnouncedYellowThenRedOnceEach() {
        String id = new DisputeDriver(port).openIn("APPLIED");
        Deadline acceptance = deadlineOf(id);
        assertThat(acceptance.step()).isEqualTo("acceptance");

        flags.sweep(at(acceptance.yellowAt().minusSeconds(60)));
        assertThat(deadlineOf(id).raised()).as("before 70%% of the limit").isNull();

        flags.sweep(at(acceptance.yellowAt().plusSeconds(60)));
        flags.sweep(at(acceptance.yellowAt().plusSeconds(120)));
        assertThat(deadlineOf(id).raised()).hasToString("YELLOW");

        flags.sweep(at(acceptance.dueAt().plusSeconds(60)));
        flags.sweep(at(acceptance.dueAt().plusSeconds(120)));
        assertThat(deadlineOf(id).raised()).hasToString("RED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(flagEventsOf(id))
                .containsExactly("DisputeDeadlineApproaching", "DisputeOverdue"));
        String overdue = TestEvents.readAll(Topics.DISPUTES, Duration.ofMillis(500)).stream()
                .filter(r -> id.equals(r.key()) && "DisputeOverdue".equals(TestEvents.eventName(r)))
                .findFirst().orElseThrow().value();
        assertThat(overdue).contains("\"step\":\"acceptance\"").contains("\"state\":\"APPLIED\"")
                .contains("\"supervisorAreaCode\":\"621223101001001\"");
    }

    @Test
    void aLimitFirstSeenPastItsDueTimeIsAnnouncedRedAlone() {
        String id = new DisputeDriver(port).openIn("APPLIED");

        flags.sweep(at(deadlineOf(id).dueAt().plusSeconds(60)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(flagEventsOf(id))
                .containsExactly("DisputeOverdue"));
    }

    @Test
    void aNewStepStartsItsFlagsAfresh() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("APPLIED");
        flags.sweep(at(deadlineOf(id).dueAt().plusSeconds(60)));
        assertThat(deadlineOf(id).raised()).hasToString("RED");

        driver.act(id, "accept");
        driver.act(id, "start-mediation");

        Deadline mediation = deadlineOf(id);
        assertThat(mediation.step()).isEqualTo("mediation");
        assertThat(mediation.raised()).isNull();
    }

    @Test
    void aSettledDisputeHasNoLimitAndNoFlags() {
        String id = new DisputeDriver(port).openIn("AGREED");
        assertThat(deadlineOf(id)).isNull();

        flags.sweep(at(Instant.now().plus(Duration.ofDays(400))));

        assertThat(flagEventsOf(id)).isEmpty();
    }
}
