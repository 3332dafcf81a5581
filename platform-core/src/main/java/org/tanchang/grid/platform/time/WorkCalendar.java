package org.tanchang.grid.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.Set;

/**
 * Working days as data: Monday to Friday, minus public holidays, plus the weekend days worked in exchange (调休), as
 * configured in {@code tanchang.calendar}. Time limits in working days count only these days.
 */
public class WorkCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkdays;
    private final ZoneId zone;

    public WorkCalendar(Set<LocalDate> holidays, Set<LocalDate> extraWorkdays, ZoneId zone) {
        this.holidays = Set.copyOf(holidays);
        this.extraWorkdays = Set.copyOf(extraWorkdays);
        this.zone = zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (extraWorkdays.contains(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /**
     * {@code days} working days after {@code start}: the same time of day on the {@code days}-th following working
     * day. Started on a non-working day, the clock starts at the first working day's same time of day.
     */
    public Instant plusWorkingDays(Instant start, int days) {
        ZonedDateTime at = start.atZone(zone);
        LocalDate day = at.toLocalDate();
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day.atTime(at.toLocalTime()).atZone(zone).toInstant();
    }

    /** Working days from {@code from} (exclusive) to {@code to} (inclusive). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public ZoneId zone() {
        return zone;
    }
}
