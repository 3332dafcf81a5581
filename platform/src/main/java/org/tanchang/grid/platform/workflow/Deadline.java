package org.tanchang.grid.platform.workflow;

import org.tanchang.grid.platform.time.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.PersistenceCreator;
import org.tanchang.grid.contracts.DeadlineFlag;

/**
 * The running time limit of a step, as stored with the aggregate: which step, the limit as configured, when it
 * started, when its yellow flag rises (70 %) and when it is due (100 %), both on the work calendar, and the last flag
 * announced, so each flag is announced once. A new step or an extension starts afresh with no flag.
 */
public record Deadline(String step, String limit, Instant startedAt, Instant dueAt, Instant yellowAt,
        DeadlineFlag raised) {

    @PersistenceCreator // the stored form; two constructors would leave Spring Data guessing
    public Deadline {
    }

    /** The deadline of {@code step} started at {@code start} under {@code limit}. */
    public static Deadline start(String step, TimeLimit limit, Instant start, WorkCalendar calendar) {
        Instant due = limit.dueFrom(start, calendar);
        return new Deadline(step, limit.toString(), start, due, TimeLimit.yellowAt(start, due), null);
    }

    /** The same step with more time, flags afresh; {@code limit} says how it came about ({@code 30WD +10d}). */
    public Deadline extendedTo(Instant due, String limit) {
        return new Deadline(step, limit, startedAt, due, TimeLimit.yellowAt(startedAt, due), null);
    }

    /** The flag at {@code now} (null while green). */
    public DeadlineFlag flagAt(Instant now) {
        return TimeLimit.flag(startedAt, dueAt, now);
    }

    public Deadline announced(DeadlineFlag flag) {
        return new Deadline(step, limit, startedAt, dueAt, yellowAt, flag);
    }

    public Duration length() {
        return Duration.between(startedAt, dueAt);
    }
}
