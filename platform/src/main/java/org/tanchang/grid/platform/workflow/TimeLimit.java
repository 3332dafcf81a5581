package org.tanchang.grid.platform.workflow;

import org.tanchang.grid.platform.time.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanchang.grid.contracts.DeadlineFlag;

/**
 * A time limit as configured: clock time ({@code PT2H}, {@code PT5M}, ISO-8601) or working days ({@code 3WD}, on the
 * {@link WorkCalendar}). Flags: YELLOW once 70% of the time between start and due has passed, RED at 100%.
 */
public record TimeLimit(Duration clock, int workingDays) {

    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d{1,3})WD");
    public static final double YELLOW_AT = 0.7;

    public TimeLimit {
        if ((clock == null) == (workingDays <= 0)) {
            throw new IllegalArgumentException("a time limit is either a clock duration or a number of working days");
        }
    }

    /** {@code PT2H} or {@code 3WD}. */
    public static TimeLimit parse(String text) {
        Matcher days = WORKING_DAYS.matcher(text.trim());
        if (days.matches()) {
            return new TimeLimit(null, Integer.parseInt(days.group(1)));
        }
        Duration duration = Duration.parse(text.trim());
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a time limit must be positive: " + text);
        }
        return new TimeLimit(duration, 0);
    }

    public Instant dueFrom(Instant start, WorkCalendar calendar) {
        return clock != null ? start.plus(clock) : calendar.plusWorkingDays(start, workingDays);
    }

    /** The flag at {@code now} for a step started at {@code start} and due at {@code due}; null while green. */
    public static DeadlineFlag flag(Instant start, Instant due, Instant now) {
        if (!now.isBefore(due)) {
            return DeadlineFlag.RED;
        }
        long total = Duration.between(start, due).toMillis();
        long elapsed = Duration.between(start, now).toMillis();
        return total > 0 && elapsed >= total * YELLOW_AT ? DeadlineFlag.YELLOW : null;
    }

    /** When the yellow flag rises: 70% of the way from start to due. */
    public static Instant yellowAt(Instant start, Instant due) {
        return start.plusMillis((long) (Duration.between(start, due).toMillis() * YELLOW_AT));
    }

    @Override
    public String toString() {
        return clock != null ? clock.toString() : workingDays + "WD";
    }
}
