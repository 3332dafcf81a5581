package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestClock;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.workflow.DeadlineSweep;
import tools.jackson.databind.JsonNode;

/**
 * Deadline flags on the work calendar, with the service's clock set by the test: a step of 5 working days started on
 * the eve of the National Day holiday (2026-10-01..07, with the weekend 3-4 October inside it and Saturday 10 October
 * worked in exchange) is due on Tuesday 13 October, not on 5 October.
 */
@ServiceIntegrationTest
@Import(DeadlineIntegrationTest.FixedClock.class)
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
class DeadlineIntegrationTest {

    @TestConfiguration
    static class FixedClock {
        /** The service's clock, moved by the test. */
        @Bean
        TestClock clock() {
            return TestClock.stoppedAt(Instant.now(), ZoneId.of("Asia/Shanghai"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DeadlineSweep sweep;

    private static Instant at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    private JsonNode sweptAt(Walk walk, String id, String localDateTime) {
        clock.setTo(at(localDateTime));
        sweep.sweep(clock.instant());
        return walk.officer().get("/api/incidents/" + id).json();
    }

    @Test
    void aStepStartedBeforeTheHolidayTurnsYellowAndRedOnWorkingDaysAndEachFlagIsPublishedOnce() {
        Walk walk = new Walk(port, "officer-dl-" + UUID.randomUUID(), "citizen-dl");
        clock.setTo(at("2026-09-30T10:00:00"));
        String id = walk.to("IN_PROGRESS", "deadline-" + UUID.randomUUID());

        JsonNode started = walk.officer().get("/api/incidents/" + id).json();
        JsonNode afterHoliday = sweptAt(walk, id, "2026-10-08T10:00:00");
        JsonNode yellow = sweptAt(walk, id, "2026-10-09T13:00:00");
        JsonNode stillYellow = sweptAt(walk, id, "2026-10-12T18:00:00");
        JsonNode red = sweptAt(walk, id, "2026-10-13T10:00:00");
        sweptAt(walk, id, "2026-10-14T10:00:00");

        assertThat(started.get("dueAt").asString()).isEqualTo("2026-10-13T10:00:00+08:00");
        assertThat(afterHoliday.get("flag").isNull()).as("a 5-day clock would be red by now").isTrue();
        assertThat(yellow.get("flag").asString()).isEqualTo("YELLOW");
        assertThat(stillYellow.get("flag").asString()).isEqualTo("YELLOW");
        assertThat(red.get("flag").asString()).isEqualTo("RED");
        assertThat(red.get("supervised").asBoolean()).as("supervision raised automatically").isTrue();
        assertThat(walk.officer().get("/api/incidents?overdue=true&size=100").json().get("items")
                .findValuesAsString("id")).contains(id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var events = TestEvents.readAll(Topics.INCIDENTS, Duration.ofSeconds(1)).stream()
                    .filter(r -> id.equals(TestEvents.header(r, "ce_subject")))
                    .map(r -> TestEvents.eventName(r)).toList();
            assertThat(events.stream().filter("CaseDeadlineApproaching"::equals).count()).isEqualTo(1);
            assertThat(events.stream().filter("CaseOverdue"::equals).count()).isEqualTo(1);
            assertThat(events.stream().filter("IncidentSupervised"::equals).count()).as("automatic, told once")
                    .isEqualTo(1);
        });
        JsonNode resolved = walk.take(id, "resolve").json();
        assertThat(resolved.get("flag").isNull()).as("a new step starts green").isTrue();
        assertThat(resolved.get("dueAt").asString()).as("RESOLVED has 2WD: Wed, Thu").isEqualTo(
                "2026-10-16T10:00:00+08:00");
    }

    @Test
    void aStepStartedOnFridayRunsOverTheWeekend() {
        Walk walk = new Walk(port, "officer-dl-" + UUID.randomUUID(), "citizen-dl");
        clock.setTo(at("2026-11-27T16:00:00"));
        String id = walk.to("RESOLVED", "deadline-" + UUID.randomUUID());

        JsonNode resolved = walk.officer().get("/api/incidents/" + id).json();
        JsonNode mondayMorning = sweptAt(walk, id, "2026-11-30T09:00:00");
        JsonNode mondayNoon = sweptAt(walk, id, "2026-11-30T12:00:00");
        JsonNode tuesday = sweptAt(walk, id, "2026-12-01T16:00:00");

        assertThat(resolved.get("dueAt").asString()).as("2WD from Friday: Monday, Tuesday")
                .isEqualTo("2026-12-01T16:00:00+08:00");
        // 70% of the 96 hours from Friday 16:00 to Tuesday 16:00 is Monday 11:12
        assertThat(mondayMorning.get("flag").isNull()).isTrue();
        assertThat(mondayNoon.get("flag").asString()).isEqualTo("YELLOW");
        assertThat(tuesday.get("flag").asString()).isEqualTo("RED");
    }
}
