package org.tanchang.grid.gridservice.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;

/** The days a statistics query covers, both included. */
record DayRange(LocalDate start, LocalDate end) {

    static final int MAX_DAYS = 366;

    /**
     * {@code to} defaults to today, {@code from} to 30 days before it; a reversed or overlong period is refused, never
     * answered with zeros.
     */
    static DayRange of(LocalDate from, LocalDate to, Clock clock) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ProblemException.invalid(List.of(new FieldError("from",
                    "must not be after to, and the period is at most " + MAX_DAYS + " days")));
        }
        return new DayRange(start, end);
    }
}
