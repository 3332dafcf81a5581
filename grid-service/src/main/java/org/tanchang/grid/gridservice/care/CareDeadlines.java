package org.tanchang.grid.gridservice.care;

import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Criteria;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.care.CareVisitMissed;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.time.WorkCalendar;
import org.tanchang.grid.platform.workflow.DeadlineTrack;

/**
 * The next visit of every active care plan as a track of the platform's deadline sweep: YELLOW (approaching) is kept
 * on the plan for the lists; RED is a missed visit, counted and announced once as CareVisitMissed (to the paired
 * member, into the statistics and the assessment), and the next period starts at the missed due time, so the sweep
 * asks about the plan again only when that one runs out.
 */
@Configuration(proxyBeanMethods = false)
class CareDeadlines {

    @Bean
    static DeadlineTrack<CarePlan> careVisitDue(Outbox outbox, WorkCalendar calendar) {
        return DeadlineTrack.<CarePlan>of("care-visit", CarePlan.class, "deadline", (p, flag, now) -> {
            if (flag == DeadlineFlag.YELLOW) {
                p.deadline = p.deadline.announced(flag);
                return;
            }
            Instant due = missed(p, calendar);
            p.outbox.add(outbox.event(CareVisitMissed.TYPE, p.id, new CareVisitMissed(p.id, p.householdId,
                    p.gridCode, CarePlans.tags(p.careTags), p.memberId, CareDueDates.dayOf(due, Times.zone()),
                    Times.local(due), p.missedVisits)));
        }).whileOpen(Criteria.where("state").is(CarePlan.State.ACTIVE));
    }

    /** Counts the miss of the running deadline and starts the next period from it; returns the missed due time. */
    static Instant missed(CarePlan p, WorkCalendar calendar) {
        Instant due = p.deadline.dueAt();
        var dueOn = CareDueDates.dayOf(due, Times.zone());
        p.missedVisits++;
        if (p.overdueSince == null) {
            p.overdueSince = due;
        }
        // the next period runs from the missed due day, not from now: a sweep that ran late misses nothing twice
        var nextDay = CareDueDates.dueDay(dueOn, p.frequencyDays, dueOn.plusDays(1), calendar);
        p.deadline = CareDueDates.deadline(due, nextDay, p.frequencyDays, Times.zone());
        return due;
    }
}
