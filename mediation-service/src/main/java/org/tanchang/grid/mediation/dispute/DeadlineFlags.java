package org.tanchang.grid.mediation.dispute;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.mediation.DisputeDeadlineApproaching;
import org.tanchang.grid.contracts.mediation.DisputeOverdue;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.time.Times;

/**
 * Announces the flags of a dispute's running time limit, like case-service does for incidents: the yellow flag
 * (70% used) as {@code DisputeDeadlineApproaching}, the red one (due) as {@code DisputeOverdue}, each once per limit,
 * to the dispute's mediators and the supervisors of its level's area. The API computes the flag on every read; this
 * sweep only makes it news. A limit first seen past its due time gets the red flag alone.
 */
@Component
class DeadlineFlags {

    private static final Logger log = LoggerFactory.getLogger(DeadlineFlags.class);
    private static final int BATCH = 500;

    private final MongoOperations mongo;
    private final Outbox outbox;
    private final Clock clock;

    DeadlineFlags(MongoOperations mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tanchang.mediation.sweep-interval}",
            initialDelayString = "${tanchang.mediation.sweep-interval}")
    void sweep() {
        sweep(clock);
    }

    /** Raises every flag due as of the clock; one versioned write per dispute, so never twice. Returns how many. */
    int sweep(Clock at) {
        Instant now = at.instant();
        Query due = Query.query(Criteria.where("deadline.yellowAt").lte(now).orOperator(
                Criteria.where("deadline.raised").is(null),
                Criteria.where("deadline.raised").is(DeadlineFlag.YELLOW).and("deadline.dueAt").lte(now)))
                .limit(BATCH);
        int raised = 0;
        for (Dispute dispute : mongo.find(due, Dispute.class)) {
            DeadlineFlag flag = now.isBefore(dispute.deadline.dueAt()) ? DeadlineFlag.YELLOW : DeadlineFlag.RED;
            announce(dispute, flag);
            try {
                mongo.save(dispute);
                raised++;
            } catch (OptimisticLockingFailureException changed) {
                log.debug("Dispute {} changed while sweeping; the next sweep looks again", dispute.id);
            }
        }
        return raised;
    }

    private void announce(Dispute d, DeadlineFlag flag) {
        Parts.Deadline limit = d.deadline;
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
