package org.tanchang.grid.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working days as data: Monday to Friday, minus public holidays, plus the weekend days worked in exchange (调休), one
 * {@link Year} per calendar year (loaded from {@code calendars/<year>.yml}, see {@link CalendarConfiguration}). Time
 * limits in working days count only these days. A day of a year without data counts Monday to Friday and is
 * logged once per year: a deadline in December reaching into a year not yet published must not fail the step.
 */
public class WorkCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkCalendar.class);

    /** One year's data. Every date lies in that year; an extra working day is a weekend day, and not a holiday. */
    public record Year(int year, Set<LocalDate> holidays, Set<LocalDate> extraWorkdays) {

        public Year {
            holidays = Set.copyOf(holidays);
            extraWorkdays = Set.copyOf(extraWorkdays);
            for (LocalDate day : holidays) {
                require(day.getYear() == year, "holiday " + day + " is not in " + year);
            }
            for (LocalDate day : extraWorkdays) {
                require(day.getYear() == year, "extra working day " + day + " is not in " + year);
                require(!holidays.contains(day), day + " is both a holiday and an extra working day");
                require(day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY,
                        "extra working day " + day + " is a " + day.getDayOfWeek() + ", not a weekend day");
            }
        }

        private static void require(boolean condition, String problem) {
            if (!condition) {
                throw new IllegalArgumentException("work calendar: " + problem);
            }
        }
    }

    private final Map<Integer, Year> years;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkdays;
    private final ZoneId zone;
    private final Set<Integer> reportedUnknown = ConcurrentHashMap.newKeySet();

    public WorkCalendar(Collection<Year> years, ZoneId zone) {
        this.years = new TreeMap<>(years.stream().collect(Collectors.toMap(Year::year, Function.identity())));
        this.holidays = years.stream().flatMap(y -> y.holidays().stream()).collect(Collectors.toUnmodifiableSet());
        this.extraWorkdays = years.stream().flatMap(y -> y.extraWorkdays().stream())
                .collect(Collectors.toUnmodifiableSet());
        this.zone = zone;
    }

    /** A calendar of the years the given days fall in. */
    public WorkCalendar(Set<LocalDate> holidays, Set<LocalDate> extraWorkdays, ZoneId zone) {
        this(byYear(holidays, extraWorkdays), zone);
    }

    private static Collection<Year> byYear(Set<LocalDate> holidays, Set<LocalDate> extraWorkdays) {
        Set<Integer> years = new HashSet<>();
        holidays.forEach(day -> years.add(day.getYear()));
        extraWorkdays.forEach(day -> years.add(day.getYear()));
        return years.stream().map(year -> new Year(year,
                holidays.stream().filter(day -> day.getYear() == year).collect(Collectors.toSet()),
                extraWorkdays.stream().filter(day -> day.getYear() == year).collect(Collectors.toSet()))).toList();
    }

    /** Whether the calendar has data for {@code year}. */
    public boolean knows(int year) {
        return years.containsKey(year);
    }

    /** The years with data, in order. */
    public Set<Integer> years() {
        return Set.copyOf(years.keySet());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (!years.containsKey(day.getYear()) && reportedUnknown.add(day.getYear())) {
            log.warn("The work calendar has no data for {}: its days count Monday to Friday, without holidays, "
                    + "until calendars/{}.yml is added", day.getYear(), day.getYear());
        }
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
