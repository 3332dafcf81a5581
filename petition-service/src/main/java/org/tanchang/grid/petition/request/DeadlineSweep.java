package org.tanchang.grid.petition.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.petition.RequestDeadlineBreached;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.TimeLimit;

/**
 * Raises the deadline flags of open requests: YELLOW at 70% of the promised time, RED at 100%, for the first
 * response and for completion. Each flag of each measure is published once: the flag is recorded and the event
 * appended in one conditional update that matches only while the flag is not yet recorded, so two instances
 * sweeping at once publish it once.
 */
@Component
class DeadlineSweep {

    static final String FIRST_RESPONSE = "FIRST_RESPONSE";
    static final String COMPLETION = "COMPLETION";

    private final MongoOperations mongo;
    private final Outbox outbox;
    private final Clock clock;

    DeadlineSweep(MongoOperations mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tanchang.petition.sweep-interval:10s}")
    void sweep() {
        sweepAt(clock.instant());
    }

    /** Sweeps as of {@code now}; returns how many flags were raised. */
    int sweepAt(Instant now) {
        int raised = 0;
        Query open = Query.query(Criteria.where("state").in(RequestState.OPEN));
        for (ServiceRequest r : mongo.find(open, ServiceRequest.class)) {
            if (r.firstResponseAt == null) {
                raised += raise(r, FIRST_RESPONSE, r.firstResponseDueAt, now);
            }
            raised += raise(r, COMPLETION, r.completionDueAt, now);
        }
        return raised;
    }

    private int raise(ServiceRequest r, String measure, Instant due, Instant now) {
        DeadlineFlag flag = TimeLimit.flag(r.submittedAt, due, now);
        if (flag == null) {
            return 0;
        }
        String key = measure + ":" + flag;
        if (r.flagsRaised.contains(key)) {
            return 0;
        }
        Query notYet = Query.query(Criteria.where("_id").is(r.id).and("flagsRaised").ne(key));
        Update update = new Update().addToSet("flagsRaised", key).inc("version", 1).push("outbox",
                outbox.event(RequestDeadlineBreached.TYPE, r.id, new RequestDeadlineBreached(r.id, r.number,
                        r.itemCode, RequestStore.stationOf(r), measure, flag, Times.local(due), lastActor(r))));
        return (int) mongo.updateFirst(notYet, update, ServiceRequest.class).getModifiedCount();
    }

    /** Whoever took the last step handles the request now; nobody yet while it waits for the first response. */
    static String lastActor(ServiceRequest r) {
        List<ServiceRequest.TimelineEntry> timeline = r.timeline;
        return timeline.size() <= 1 ? null : timeline.get(timeline.size() - 1).actor();
    }
}
