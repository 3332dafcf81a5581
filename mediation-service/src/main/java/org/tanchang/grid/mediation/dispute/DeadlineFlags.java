package org.tanchang.grid.mediation.dispute;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.mediation.DisputeDeadlineApproaching;
import org.tanchang.grid.contracts.mediation.DisputeOverdue;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Deadline;
import org.tanchang.grid.platform.workflow.DeadlineSweep;
import org.tanchang.grid.platform.workflow.DeadlineTrack;

/**
 * Announces the flags of a dispute's running time limit, like case-service does for incidents: the yellow flag
 * (70% used) as {@code DisputeDeadlineApproaching}, the red one (due) as {@code DisputeOverdue}, each once per limit,
 * to the dispute's mediators and the supervisors of its level's area. The API computes the flag on every read; the
 * platform's {@link DeadlineSweep} only makes it news, on this track (every {@code tanchang.deadlines.sweep-interval}).
 * A limit first seen past its due time gets the red flag alone.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineFlags {

    private static final Logger log = LoggerFactory.getLogger(DeadlineFlags.class);

    private final DeadlineSweep sweep;
    private final DeadlineTrack<Dispute> track;

    DeadlineFlags(DeadlineSweep sweep, DeadlineTrack<Dispute> track) {
        this.sweep = sweep;
        this.track = track;
    }

    /** The dispute's running limit, {@link Dispute#deadline}, for the platform's sweep. */
    @Bean
    static DeadlineTrack<Dispute> disputeDeadline(Outbox outbox) {
        return DeadlineTrack.of("dispute", Dispute.class, "deadline", (d, flag, now) -> raise(outbox, d, flag));
    }

    /** Raises every flag due as of the clock, as the platform's sweep does on its own; returns how many. */
    int sweep(Clock at) {
        return sweep.sweep(track, at.instant());
    }

    static void raise(Outbox outbox, Dispute d, DeadlineFlag flag) {
        Deadline limit = d.deadline;
        String area = d.level.areaOf(d.gridCode);
        var dueAt = Times.local(limit.dueAt());
        d.outbox.add(flag == DeadlineFlag.YELLOW
                ? outbox.event(DisputeDeadlineApproaching.TYPE, d.id, new DisputeDeadlineApproaching(d.id, d.gridCode,
                        d.state.name(), limit.step(), dueAt, d.mediatorIds, area))
                : outbox.event(DisputeOverdue.TYPE, d.id, new DisputeOverdue(d.id, d.gridCode, d.state.name(),
                        limit.step(), dueAt, d.mediatorIds, area)));
        d.deadline = limit.announced(flag);
        log.info("Dispute {}: {} flag for its {} limit (due {})", d.id, flag, limit.step(), limit.dueAt());
    }
}
