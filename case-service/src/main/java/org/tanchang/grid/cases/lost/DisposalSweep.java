package org.tanchang.grid.cases.lost;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks noticed items whose notice period ran out unclaimed as due for disposal, once each (disposalDueAt, and a
 * timeline step by "system"). It does not dispose of them: the law wants an officer's record of how. Each mark is a
 * conditional update on "still noticed and not yet marked", so a repeated or concurrent sweep marks nothing twice and
 * an item matched meanwhile is left alone. The clock is the injectable {@link Clock}, so tests sweep at any moment.
 */
@Component
class DisposalSweep {

    static final String SYSTEM = "system";

    private final MongoOperations mongo;
    private final Clock clock;
    private final int batch;

    DisposalSweep(MongoOperations mongo, Clock clock,
            @Value("${tanchang.lost.disposal-sweep-batch:500}") int batch) {
        this.mongo = mongo;
        this.clock = clock;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${tanchang.lost.disposal-sweep-interval:PT1H}",
            initialDelayString = "${tanchang.lost.disposal-sweep-initial-delay:PT5M}")
    void run() {
        sweep(clock.instant());
    }

    /** Marks what is due by {@code now}; returns how many items were marked. */
    int sweep(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Criteria due = Criteria.where("status").is(LostStates.Found.NOTICED).and("noticeExpiresAt").lte(at)
                .and("disposalDueAt").is(null);
        int marked = 0;
        int markedNow;
        List<FoundItem> page;
        do {
            markedNow = 0;
            page = mongo.find(Query.query(due).limit(batch), FoundItem.class);
            for (FoundItem item : page) {
                Step step = new Step("disposal-due", item.status.name(), item.status.name(), SYSTEM, at,
                        "Notice period ended unclaimed; an officer must dispose of it with a record");
                Update mark = new Update().set("disposalDueAt", at).push("timeline", step).inc("version", 1);
                markedNow += (int) mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id)
                        .andOperator(due)), mark, FoundItem.class).getModifiedCount();
            }
            marked += markedNow;
        } while (page.size() == batch && markedNow > 0);   // a page it could not mark would come back forever
        return marked;
    }
}
