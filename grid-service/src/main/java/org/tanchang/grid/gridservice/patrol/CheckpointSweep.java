package org.tanchang.grid.gridservice.patrol;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.patrol.CheckpointMissed;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.time.Times;

/**
 * Closes plans whose window has passed and publishes CheckpointMissed for each planned point left unvisited. The
 * close and its events are one conditional write on {@code closed=false}, so two instances (or two sweeps) can never
 * publish a miss twice.
 */
@Component
class CheckpointSweep {

    private final MongoOperations mongo;
    private final Outbox outbox;
    private final Clock clock;

    CheckpointSweep(MongoOperations mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tanchang.grid.patrol.sweep-interval:PT1M}",
            initialDelayString = "${tanchang.grid.patrol.sweep-interval:PT1M}")
    void sweep() {
        sweep(clock.instant());
    }

    /** Closes every plan whose window ended by {@code now}; returns how many it closed. */
    int sweep(Instant now) {
        Query due = Query.query(Criteria.where("closed").is(false).and("windowEnd").lte(now));
        due.fields().exclude("outbox");
        int closed = 0;
        for (PatrolDesign.Plan plan : mongo.find(due, PatrolDesign.Plan.class)) {
            List<String> missed = new ArrayList<>(plan.pointIds);
            missed.removeAll(plan.reachedPointIds);
            Update update = new Update().set("closed", true).set("missedPointIds", missed);
            List<OutboxEvent> events = new ArrayList<>();
            for (String pointId : missed) {
                PatrolDesign.Point point = mongo.findById(pointId, PatrolDesign.Point.class);
                events.add(outbox.event(CheckpointMissed.TYPE, plan.id, new CheckpointMissed(plan.id, pointId,
                        point == null ? null : point.name(), plan.gridCode, plan.memberId,
                        Times.local(plan.windowStart), Times.local(plan.windowEnd))));
            }
            if (!events.isEmpty()) {
                update.push("outbox").each(events.toArray());
            }
            var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(plan.id).and("closed").is(false)),
                    update, PatrolDesign.Plan.class);
            closed += (int) result.getModifiedCount();
        }
        return closed;
    }
}
