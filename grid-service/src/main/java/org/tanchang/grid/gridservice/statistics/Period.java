package org.tanchang.grid.gridservice.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The calendar periods figures are given for (county time), and the one before each for trends. */
enum Period {
    DAY, WEEK, MONTH;

    LocalDate start(LocalDate on) {
        return switch (this) {
            case DAY -> on;
            case WEEK -> on.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> on.withDayOfMonth(1);
        };
    }

    LocalDate end(LocalDate on) {
        return switch (this) {
            case DAY -> on;
            case WEEK -> start(on).plusDays(6);
            case MONTH -> on.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** A day of the period before the one holding {@code on}. */
    LocalDate previous(LocalDate on) {
        return start(on).minusDays(1);
    }
}
