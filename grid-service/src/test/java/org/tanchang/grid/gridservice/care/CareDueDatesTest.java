package org.tanchang.grid.gridservice.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.gridservice.household.CareTag;
import org.tanchang.grid.platform.time.WorkCalendar;
import org.tanchang.grid.platform.workflow.Deadline;

/** The due-date rules of care plans, without Spring. */
class CareDueDatesTest {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    /** 2026-10-01 to 10-07 National Day holidays; Sunday 2026-10-11 worked in exchange. */
    static final WorkCalendar CALENDAR = new WorkCalendar(
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 10, 11)), COUNTY);
    static final CareProperties PROPERTIES = new CareProperties(Map.of(CareTag.ELDERLY_LIVING_ALONE, 7,
            CareTag.LEFT_BEHIND_CHILD, 14, CareTag.LOW_INCOME, 30), 30);

    @Test
    void theMostFrequentNeedOfTheHouseholdSetsTheDefaultAndAPlanMayOverrideIt() {
        assertThat(CareDueDates.frequency(EnumSet.of(CareTag.LEFT_BEHIND_CHILD, CareTag.ELDERLY_LIVING_ALONE), null,
                PROPERTIES)).isEqualTo(7);
        assertThat(CareDueDates.frequency(EnumSet.of(CareTag.LEFT_BEHIND_CHILD), null, PROPERTIES)).isEqualTo(14);
        assertThat(CareDueDates.frequency(EnumSet.of(CareTag.DISABILITY), null, PROPERTIES))
                .as("a tag without its own figure takes the default").isEqualTo(30);
        assertThat(CareDueDates.frequency(EnumSet.of(CareTag.ELDERLY_LIVING_ALONE), 3, PROPERTIES)).isEqualTo(3);
    }

    @Test
    void aVisitIsDueFrequencyDaysLaterOnAWorkingDay() {
        // Monday 2026-09-07 + 7 = Monday 2026-09-14, a working day
        assertThat(CareDueDates.dueDay(LocalDate.of(2026, 9, 7), 7, LocalDate.of(2026, 9, 7), CALENDAR))
                .isEqualTo(LocalDate.of(2026, 9, 14));
        // Saturday 2026-09-05 + 7 = Saturday 2026-09-12: the Monday after
        assertThat(CareDueDates.dueDay(LocalDate.of(2026, 9, 5), 7, LocalDate.of(2026, 9, 5), CALENDAR))
                .isEqualTo(LocalDate.of(2026, 9, 14));
        // 2026-09-24 + 7 = 10-01, National Day: the holiday and its weekend pass, 10-08 is the next working day
        assertThat(CareDueDates.dueDay(LocalDate.of(2026, 9, 24), 7, LocalDate.of(2026, 9, 24), CALENDAR))
                .isEqualTo(LocalDate.of(2026, 10, 8));
        // Sunday 2026-10-11 is worked in exchange for the holiday: due that Sunday
        assertThat(CareDueDates.dueDay(LocalDate.of(2026, 10, 4), 7, LocalDate.of(2026, 10, 4), CALENDAR))
                .isEqualTo(LocalDate.of(2026, 10, 11));
    }

    @Test
    void aDueDayCountedFromLongAgoIsNeverBeforeToday() {
        assertThat(CareDueDates.dueDay(LocalDate.of(2026, 8, 1), 7, LocalDate.of(2026, 9, 9), CALENDAR))
                .isEqualTo(LocalDate.of(2026, 9, 9));
    }

    @Test
    void theDeadlineRunsToTheEndOfTheDueDayInCountyTimeAndTurnsYellowAt70Percent() {
        Instant start = LocalDate.of(2026, 9, 7).atTime(10, 0).atZone(COUNTY).toInstant();
        Deadline d = CareDueDates.deadline(start, LocalDate.of(2026, 9, 14), 7, COUNTY);

        assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-09-14T16:00:00Z"));   // midnight after the 14th, +08:00
        assertThat(CareDueDates.dayOf(d.dueAt(), COUNTY)).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(d.flagAt(Instant.parse("2026-09-14T15:59:59Z"))).isEqualTo(DeadlineFlag.YELLOW);
        assertThat(d.flagAt(d.dueAt())).isEqualTo(DeadlineFlag.RED);
        assertThat(d.flagAt(start.plusSeconds(3600))).isNull();
    }

    @Test
    void aVisitIsOnTimeByTheEndOfTheDueDayAndNotOnceTheDayWasMissed() {
        Instant start = LocalDate.of(2026, 9, 7).atTime(10, 0).atZone(COUNTY).toInstant();
        Deadline d = CareDueDates.deadline(start, LocalDate.of(2026, 9, 14), 7, COUNTY);
        Instant lateEvening = LocalDate.of(2026, 9, 14).atTime(23, 30).atZone(COUNTY).toInstant();

        assertThat(CareDueDates.onTime(lateEvening, d, null)).isTrue();
        assertThat(CareDueDates.onTime(d.dueAt(), d, null)).isFalse();
        assertThat(CareDueDates.onTime(lateEvening, d, d.dueAt().minusSeconds(86_400 * 7)))
                .as("a plan overdue since an earlier due day").isFalse();
    }

    @Test
    void aMissedVisitIsCountedOnceAndTheNextPeriodRunsFromTheMissedDueDay() {
        CarePlan p = new CarePlan();
        p.id = "care-plan-1";
        p.frequencyDays = 7;
        p.careTags = EnumSet.of(CareTag.ELDERLY_LIVING_ALONE);
        Instant start = LocalDate.of(2026, 9, 7).atTime(10, 0).atZone(COUNTY).toInstant();
        p.deadline = CareDueDates.deadline(start, LocalDate.of(2026, 9, 14), 7, COUNTY);
        Instant firstDue = p.deadline.dueAt();

        assertThat(CareDeadlines.missed(p, CALENDAR)).isEqualTo(firstDue);

        assertThat(p.missedVisits).isEqualTo(1);
        assertThat(p.overdueSince).isEqualTo(firstDue);
        assertThat(CareDueDates.dayOf(p.deadline.dueAt(), COUNTY)).isEqualTo(LocalDate.of(2026, 9, 21));
        assertThat(p.deadline.startedAt()).isEqualTo(firstDue);
        assertThat(p.deadline.raised()).isNull();
    }
}
