package org.tanchang.grid.mediation.dispute;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tanchang.grid.mediation.MediationProperties;
import org.tanchang.grid.platform.workflow.TimeLimit;
import org.tanchang.grid.platform.time.WorkCalendar;

/** The time limits of the steps, from configuration, counted on the county's work calendar. */
@Component
class Deadlines {

    private final MediationProperties.TimeLimits limits;
    private final WorkCalendar calendar;

    Deadlines(MediationProperties properties, WorkCalendar calendar) {
        this.limits = properties.timeLimits();
        this.calendar = calendar;
    }

    Parts.Deadline acceptance(Instant start) {
        return of("acceptance", limits.acceptanceLimit(), start);
    }

    Parts.Deadline mediation(Instant start) {
        return of("mediation", limits.mediationLimit(), start);
    }

    /** The deadline of the state a transition enters: none once the conflict is settled or mediation ended. */
    Parts.Deadline entering(DisputeState from, DisputeState to, Parts.Deadline running, Instant now) {
        if (from == to) {
            return running;
        }
        return switch (to) {
            case APPLIED -> acceptance(now);
            case MEDIATING -> mediation(now);
            default -> null;
        };
    }

    MediationProperties.TimeLimits limits() {
        return limits;
    }

    private Parts.Deadline of(String step, TimeLimit limit, Instant start) {
        Instant due = limit.dueFrom(start, calendar);
        return new Parts.Deadline(step, limit.toString(), start, due, TimeLimit.yellowAt(start, due));
    }
}
