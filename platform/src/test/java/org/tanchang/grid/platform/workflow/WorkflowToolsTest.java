package org.tanchang.grid.platform.workflow;

import org.tanchang.grid.platform.time.WorkCalendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.problem.ProblemException;

class WorkflowToolsTest {

    enum Door { OPEN, CLOSED, LOCKED }

    static final Workflow<Door> DOOR = Workflow.of("door", Door.class)
            .on("close").from(Door.OPEN).to(Door.CLOSED).by("OFFICER")
            .on("open").from(Door.CLOSED).to(Door.OPEN).by("OFFICER")
            .on("lock").from(Door.CLOSED).to(Door.LOCKED).by("OFFICER")
            .on("unlock").from(Door.LOCKED).to(Door.CLOSED).by("OFFICER")
            .build();

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** National Day week 2026 as configured by default: 1-2 and 5-7 October off, Saturday 10 October worked. */
    private final WorkCalendar calendar = new WorkCalendar(
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 10, 10)), ZONE);

    private static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    @Test
    void allowedStepsLeadOnAndEveryOtherIsA409NamingWhatIsAllowed() {
        assertThat(DOOR.next(Door.OPEN, "close")).isEqualTo(Door.CLOSED);
        assertThat(DOOR.transitions()).hasSize(4);
        assertThatThrownBy(() -> DOOR.next(Door.LOCKED, "open"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.properties()).containsEntry("state", "LOCKED").containsEntry("action", "open")
                            .containsEntry("allowed", java.util.List.of("unlock"));
                });
        assertThatThrownBy(() -> Workflow.of("door", Door.class).on("x").from(Door.CLOSED).to(Door.OPEN).by("A")
                .on("x").from(Door.CLOSED).to(Door.LOCKED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void workingDaysSkipWeekendsAndHolidaysAndCountMakeUpDays() {
        // Friday 25 September 2026 + 3 working days: Mon 28, Tue 29, Wed 30 September
        assertThat(calendar.plusWorkingDays(at("2026-09-25T10:00"), 3)).isEqualTo(at("2026-09-30T10:00"));
        // Wednesday 30 September + 2: 1, 2 Oct holidays, 3-4 weekend, 5-7 holidays, Thu 8, Fri 9
        assertThat(calendar.plusWorkingDays(at("2026-09-30T10:00"), 2)).isEqualTo(at("2026-10-09T10:00"));
        // Friday 9 October + 1: Saturday 10 October is worked in exchange
        assertThat(calendar.plusWorkingDays(at("2026-10-09T16:00"), 1)).isEqualTo(at("2026-10-10T16:00"));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 11))).isEqualTo(3);
    }

    @Test
    void flagsRiseAtSeventyPercentAndAtTheLimit() {
        TimeLimit fiveMinutes = TimeLimit.parse("PT5M");
        Instant start = at("2026-11-30T09:00");
        Instant due = fiveMinutes.dueFrom(start, calendar);

        assertThat(due).isEqualTo(at("2026-11-30T09:05"));
        assertThat(TimeLimit.flag(start, due, at("2026-11-30T09:03"))).isNull();
        assertThat(TimeLimit.flag(start, due, at("2026-11-30T09:03:30"))).isEqualTo(DeadlineFlag.YELLOW);
        assertThat(TimeLimit.flag(start, due, due)).isEqualTo(DeadlineFlag.RED);
        assertThat(TimeLimit.parse("3WD").dueFrom(at("2026-09-25T10:00"), calendar)).isEqualTo(at("2026-09-30T10:00"));
        assertThatThrownBy(() -> TimeLimit.parse("PT0S")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeLimit.parse("soon")).isInstanceOf(RuntimeException.class);
    }
}
