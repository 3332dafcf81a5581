package org.tanchang.grid.cases.incident;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.data.mongodb.core.query.Update;
import org.tanchang.grid.platform.workflow.TimeLimit;
import org.tanchang.grid.platform.time.WorkCalendar;

/**
 * Starts the time limit of an incident's current step: when it is due on the work calendar (so 3WD started on the
 * Friday before a holiday runs past the holiday), when its yellow flag rises (70% of the way), and no flag yet, so
 * each step's flags are raised and published once.
 */
@Component
class StepClock {

    private final TimeLimits limits;
    private final WorkCalendar calendar;

    StepClock(TimeLimits limits, WorkCalendar calendar) {
        this.limits = limits;
        this.calendar = calendar;
    }

    /** Sets the step fields of {@code incident} for its current state, started {@code now}. */
    void start(Incident incident, Instant now) {
        incident.stepStartedAt = now;
        incident.flag = null;
        TimeLimit limit = incident.isOpen() ? limits.of(incident.type, incident.urgency, incident.state).orElse(null)
                : null;
        if (limit == null) {
            incident.dueAt = null;
            incident.yellowAt = null;
            return;
        }
        incident.dueAt = limit.dueFrom(now, calendar);
        incident.yellowAt = TimeLimit.yellowAt(now, incident.dueAt);
    }

    /** The same fields as an update of the stored incident. */
    static Update written(Incident incident, Update update) {
        return update.set("stepStartedAt", incident.stepStartedAt).set("dueAt", incident.dueAt)
                .set("yellowAt", incident.yellowAt).set("flag", incident.flag);
    }
}
