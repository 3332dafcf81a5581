package org.tanchang.grid.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestClockTest {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    static final Instant EVE = Instant.parse("2026-09-30T02:00:00Z");

    @Test
    void aStoppedClockStandsWhereItWasPutAndMovesOnlyWhenTold() {
        TestClock clock = TestClock.stoppedAt(EVE, COUNTY);

        assertThat(clock.instant()).isEqualTo(EVE);
        clock.advance(Duration.ofDays(8));
        assertThat(clock.instant()).isEqualTo(EVE.plus(Duration.ofDays(8)));
        clock.setTo(EVE);
        assertThat(clock.instant()).isEqualTo(EVE);
        assertThat(clock.getZone()).isEqualTo(COUNTY);
    }

    @Test
    void aRunningClockRunsOnFromWhereItWasSetAndResetsToRealTime() {
        TestClock clock = TestClock.running(COUNTY);
        Instant before = Instant.now();
        assertThat(clock.instant()).isAfterOrEqualTo(before);

        clock.setTo(EVE);
        Instant first = clock.instant();
        assertThat(first).isAfterOrEqualTo(EVE).isBefore(EVE.plus(Duration.ofHours(1)));
        assertThat(clock.instant()).isAfterOrEqualTo(first);
        clock.advance(Duration.ofDays(1));
        assertThat(clock.instant()).isAfterOrEqualTo(EVE.plus(Duration.ofDays(1)));

        clock.freezeAt(EVE);
        assertThat(clock.instant()).isEqualTo(EVE);
        clock.reset();
        assertThat(clock.instant()).isAfterOrEqualTo(before);
    }

    @Test
    void aViewInAnotherZoneMovesWithTheClock() {
        TestClock clock = TestClock.stoppedAt(EVE, COUNTY);
        var utc = clock.withZone(ZoneOffset.UTC);

        clock.advance(Duration.ofMinutes(5));

        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(utc.instant()).isEqualTo(EVE.plus(Duration.ofMinutes(5)));
        assertThat(clock.withZone(COUNTY)).isSameAs(clock);
    }
}
