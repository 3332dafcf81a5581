package org.tanchang.grid.petition.request;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.petition.RequestDeadlineBreached;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.DeadlineSweep;
import org.tanchang.grid.platform.workflow.DeadlineTrack;
import org.tanchang.grid.platform.workflow.TimeLimit;
import org.tanchang.grid.platform.workflow.VersionedWrites;

/**
 * The two promises of a request as deadline tracks of the platform's sweep: the first response (while none was
 * given) and completion (while the service is owed), each YELLOW at 70 % and RED at 100 % of the time from
 * submission, each flag announced once as RequestDeadlineBreached to the handling window's supervisors.
 */
@Configuration(proxyBeanMethods = false)
class RequestDeadlines {

    static final String FIRST_RESPONSE = "FIRST_RESPONSE";
    static final String COMPLETION = "COMPLETION";

    private static final Logger log = LoggerFactory.getLogger(RequestDeadlines.class);

    private final DeadlineSweep sweep;
    private final MongoOperations mongo;
    private final VersionedWrites writes;

    RequestDeadlines(DeadlineSweep sweep, MongoOperations mongo, VersionedWrites writes) {
        this.sweep = sweep;
        this.mongo = mongo;
        this.writes = writes;
    }

    @Bean
    static DeadlineTrack<ServiceRequest> requestFirstResponse(Outbox outbox) {
        return new DeadlineTrack<ServiceRequest>("request-first-response", ServiceRequest.class,
                "firstResponseYellowAt", "firstResponseDueAt", "firstResponseFlag", (r, flag, now) -> {
                    r.firstResponseFlag = flag;
                    r.outbox.add(breached(outbox, r, FIRST_RESPONSE, flag, r.firstResponseDueAt));
                }).whileOpen(Criteria.where("firstResponseAt").is(null).and("state").in(RequestState.OPEN));
    }

    @Bean
    static DeadlineTrack<ServiceRequest> requestCompletion(Outbox outbox) {
        return new DeadlineTrack<ServiceRequest>("request-completion", ServiceRequest.class, "completionYellowAt",
                "completionDueAt", "completionFlag", (r, flag, now) -> {
                    r.completionFlag = flag;
                    r.outbox.add(breached(outbox, r, COMPLETION, flag, r.completionDueAt));
                }).whileOpen(Criteria.where("state").in(RequestState.OPEN));
    }

    private static org.tanchang.grid.platform.outbox.OutboxEvent breached(Outbox outbox, ServiceRequest r,
            String measure, DeadlineFlag flag, Instant due) {
        return outbox.event(RequestDeadlineBreached.TYPE, r.id, new RequestDeadlineBreached(r.id, r.number,
                r.itemCode, RequestStore.stationOf(r), measure, flag, Times.local(due), lastActor(r)));
    }

    /** Sweeps as of {@code now} (the platform's sweep runs on its own every {@code tanchang.deadlines.sweep-interval}). */
    int sweepAt(Instant now) {
        return sweep.sweep(now);
    }

    /** Whoever took the last step handles the request now; nobody yet while it waits for the first response. */
    static String lastActor(ServiceRequest r) {
        List<ServiceRequest.TimelineEntry> timeline = r.timeline;
        return timeline.size() <= 1 ? null : timeline.get(timeline.size() - 1).actor();
    }

    /**
     * Requests stored before the tracks existed carry their flags as a list ({@code flagsRaised}: MEASURE:FLAG) and no
     * yellow times: give each open one its yellow times and flags once, so the sweep neither misses nor repeats a flag.
     */
    @EventListener(ApplicationReadyEvent.class)
    void upgradeStoredRequests() {
        Query old = Query.query(Criteria.where("state").in(RequestState.OPEN).and("completionYellowAt").is(null)
                .and("completionDueAt").ne(null));
        int upgraded = 0;
        for (ServiceRequest r : mongo.find(old, ServiceRequest.class)) {
            VersionedWrites.Snapshot read = writes.read(r);
            List<String> raised = mongo.findById(r.id, org.bson.Document.class, mongo.getCollectionName(
                    ServiceRequest.class)).getList("flagsRaised", String.class, List.of());
            r.firstResponseYellowAt = TimeLimit.yellowAt(r.submittedAt, r.firstResponseDueAt);
            r.completionYellowAt = TimeLimit.yellowAt(r.submittedAt, r.completionDueAt);
            r.firstResponseFlag = highest(raised, FIRST_RESPONSE);
            r.completionFlag = highest(raised, COMPLETION);
            upgraded += writes.tryWrite(r, read) ? 1 : 0;
        }
        if (upgraded > 0) {
            log.info("Gave {} stored open requests the yellow times and flags of the deadline tracks", upgraded);
        }
    }

    private static DeadlineFlag highest(List<String> raised, String measure) {
        return raised.contains(measure + ":RED") ? DeadlineFlag.RED
                : raised.contains(measure + ":YELLOW") ? DeadlineFlag.YELLOW : null;
    }
}
