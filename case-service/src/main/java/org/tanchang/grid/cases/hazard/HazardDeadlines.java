package org.tanchang.grid.cases.hazard;

import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.time.WorkCalendar;
import org.tanchang.grid.platform.workflow.Deadline;
import org.tanchang.grid.platform.workflow.DeadlineTrack;

/**
 * A hazard's time limits on the kernel's deadline model: the order after the report, the rectification by risk
 * level, the re-inspection after the request, each on the work calendar. The platform's sweep raises the flags of
 * {@link Hazard#deadline}: yellow is shown on the hazard only; red announces HazardOverdue and, when configured,
 * takes the hazard up one level and gives the step a fresh limit there, so a hazard still ignored at the township
 * goes on to the county (the sweep itself never escalates twice: the red flag is raised once per limit).
 */
@Configuration(proxyBeanMethods = false)
class HazardDeadlines {

    static final String SYSTEM = "system";

    private final HazardProperties properties;
    private final WorkCalendar calendar;

    HazardDeadlines(HazardProperties properties, WorkCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /** The limit {@code key} for this hazard's risk, started at {@code start}. */
    Deadline start(String key, Hazard hazard, Instant start) {
        return Deadline.start(key, properties.limit(key, hazard.riskLevel), start, calendar);
    }

    @Bean
    DeadlineTrack<Hazard> hazardDeadline(HazardEvents events, HazardEscalation escalation) {
        return DeadlineTrack.of("hazard", Hazard.class, "deadline",
                (hazard, flag, now) -> raise(hazard, flag, now, events, escalation));
    }

    void raise(Hazard hazard, DeadlineFlag flag, Instant now, HazardEvents events, HazardEscalation escalation) {
        hazard.deadline = hazard.deadline.announced(flag);
        if (flag != DeadlineFlag.RED) {
            return;
        }
        events.overdue(hazard);
        hazard.timeline.add(new Hazard.TimelineEntry("overdue", hazard.state, hazard.level, SYSTEM, SYSTEM, now,
                hazard.deadline.step() + " limit passed at " + hazard.deadline.dueAt()));
        if (properties.escalateWhenOverdue()
                && escalation.raise(hazard, HazardEscalation.OVERDUE, SYSTEM, SYSTEM, now)) {
            hazard.deadline = start(hazard.deadline.step(), hazard, now);
        }
    }
}
