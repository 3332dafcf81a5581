package org.tanchang.grid.mediation.followup;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.time.Times;

/** Looks for visits not made by their due day, on the injectable clock (tests move it instead of waiting). */
@Component
class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final FollowUpVisits visits;
    private final Clock clock;

    OverdueSweep(FollowUpVisits visits, Clock clock) {
        this.visits = visits;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tanchang.mediation.sweep-interval}",
            initialDelayString = "${tanchang.mediation.sweep-interval}")
    void sweep() {
        sweep(clock);
    }

    /** One sweep as of the given clock's county day; returns how many visits became overdue. */
    int sweep(Clock at) {
        int raised = visits.raiseOverdue(LocalDate.ofInstant(at.instant(), Times.COUNTY_ZONE));
        if (raised > 0) {
            log.info("{} follow-up visits overdue", raised);
        }
        return raised;
    }
}
