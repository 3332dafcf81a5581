package org.tanchang.grid.gridservice.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.tanchang.grid.gridservice.household.CareTag;
import org.tanchang.grid.platform.time.WorkCalendar;
import org.tanchang.grid.platform.workflow.Deadline;
import org.tanchang.grid.platform.workflow.TimeLimit;

/**
 * The rules of a care plan's due dates. A visit is due {@code frequency} calendar days after the last one (or after
 * the plan began), on the whole of that day in county time; a due day that is no working day moves to the next
 * working day on the work calendar (nobody is expected to visit on the Spring Festival). The kernel's {@link Deadline}
 * holds it, so the platform's sweep raises YELLOW (approaching, 70 % of the period) and RED (missed) once each.
 */
final class CareDueDates {

    static final String STEP = "visit";

    private CareDueDates() {
    }

    /** The plan's own figure, else the most frequent need among the household's tags, else the default. */
    static int frequency(Set<CareTag> tags, Integer override, CareProperties properties) {
        if (override != null) {
            return override;
        }
        return tags.stream().map(t -> properties.frequencyDays().getOrDefault(t, properties.defaultFrequencyDays()))
                .min(Integer::compare).orElse(properties.defaultFrequencyDays());
    }

    /** The day a visit is due: {@code days} after {@code from}, never before {@code today}, on a working day. */
    static LocalDate dueDay(LocalDate from, int days, LocalDate today, WorkCalendar calendar) {
        LocalDate day = from.plusDays(days);
        if (day.isBefore(today)) {
            day = today;
        }
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The deadline running from {@code start} to the end of {@code dueDay} (county time). */
    static Deadline deadline(Instant start, LocalDate dueDay, int days, ZoneId zone) {
        Instant due = dueDay.plusDays(1).atStartOfDay(zone).toInstant();
        return new Deadline(STEP, "P" + days + "D", start, due, TimeLimit.yellowAt(start, due), null);
    }

    /** The county-time day a deadline of {@link #deadline} is due on. */
    static LocalDate dayOf(Instant dueAt, ZoneId zone) {
        return dueAt.minusNanos(1).atZone(zone).toLocalDate();
    }

    /** A visit counts as on time when the plan was not overdue and it was made by the end of the due day. */
    static boolean onTime(Instant visitedAt, Deadline deadline, Instant overdueSince) {
        return overdueSince == null && deadline != null && visitedAt.isBefore(deadline.dueAt());
    }
}
