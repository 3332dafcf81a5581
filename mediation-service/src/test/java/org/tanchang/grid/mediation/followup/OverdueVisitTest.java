package org.tanchang.grid.mediation.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.mediation.dispute.DisputeDriver;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;

/** A visit not made by its due day raises FollowUpVisitOverdue once, however often the sweep runs. */
@ServiceIntegrationTest
class OverdueVisitTest {

    @LocalServerPort
    int port;

    @Autowired
    OverdueSweep sweep;

    @Test
    void anOverdueVisitIsRaisedOnceAndShownOverdue() {
        DisputeDriver driver = new DisputeDriver(port);
        String visitId = driver.openIn("AGREED") + "-visit-agreement-1";   // due 2026-01-13
        Clock onTheDueDay = Clock.fixed(Instant.parse("2026-01-13T02:00:00Z"), ZoneOffset.UTC);
        Clock dayAfter = Clock.fixed(Instant.parse("2026-01-14T02:00:00Z"), ZoneOffset.UTC);

        sweep.sweep(onTheDueDay);
        assertThat(driver.api().get("/api/follow-up-visits/" + visitId).json().get("overdue").asBoolean()).isFalse();
        sweep.sweep(dayAfter);
        sweep.sweep(dayAfter);

        assertThat(driver.api().get("/api/follow-up-visits/" + visitId).json().get("overdue").asBoolean()).isTrue();
        assertThat(driver.api().get("/api/follow-up-visits?overdue=true&disputeId=" + visitId.replace(
                "-visit-agreement-1", "")).json().get("total").asLong()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TestEvents.readAll(Topics.FOLLOW_UP_VISITS, Duration.ofMillis(500)).stream()
                        .filter(r -> visitId.equals(r.key())
                                && "FollowUpVisitOverdue".equals(TestEvents.eventName(r)))
                        .map(r -> TestEvents.header(r, "ce_id")).distinct().count()).isEqualTo(1));
    }
}
