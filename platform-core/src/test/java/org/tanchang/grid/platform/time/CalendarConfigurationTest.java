package org.tanchang.grid.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tanchang.grid.platform.core.CoreAutoConfiguration;

class CalendarConfigurationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static ApplicationContextRunner on(String day) {
        Clock clock = Clock.fixed(LocalDate.parse(day).atStartOfDay(ZONE).toInstant(), ZONE);
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CoreAutoConfiguration.class))
                .withUserConfiguration(CalendarConfiguration.class)
                .withBean(Clock.class, () -> clock);
    }

    @Test
    void theShippedYearIsLoadedFromItsFile() {
        on("2026-09-01").run(context -> {
            WorkCalendar calendar = context.getBean(WorkCalendar.class);
            assertThat(calendar.years()).contains(2026);
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();   // National Day
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();   // a Saturday worked
            assertThat(calendar.plusWorkingDays(Instant.parse("2026-09-30T02:00:00Z"), 2))
                    .isEqualTo(Instant.parse("2026-10-09T02:00:00Z"));
        });
    }

    @Test
    void aProcessInAYearWithoutItsFileCountsWeekdaysOrRefusesToStartWhenTheCountySaysSo() {
        on("2031-03-03").run(context -> assertThat(context.getBean(WorkCalendar.class)
                .isWorkingDay(LocalDate.of(2031, 3, 3))).isTrue());
        on("2031-03-03").withPropertyValues("tanchang.calendar.require-current-year=true").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("no data for 2031").hasMessageContaining("calendars/2031.yml"));
    }

    @Test
    void aYearOutsideTheDataCountsMondayToFriday() {
        on("2026-12-01").run(context -> {
            WorkCalendar calendar = context.getBean(WorkCalendar.class);
            assertThat(calendar.knows(2029)).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2029, 1, 1))).isTrue();    // a Monday, no holiday known
            assertThat(calendar.isWorkingDay(LocalDate.of(2029, 1, 6))).isFalse();   // a Saturday
        });
    }

    @Test
    void aCountyAddsOrReplacesAYearByAFileAtAnotherLocation() {
        on("2026-09-01").withPropertyValues("tanchang.calendar.locations=classpath*:calendars/*.yml,"
                + "classpath:calendars-bad/*.yml").run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("extra working day 2026-10-06 is a TUESDAY"));
    }
}
