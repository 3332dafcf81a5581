package org.tanchang.grid.gridservice.statistics;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One rebuild in the whole service, not one per instance: a lease document that a rebuild takes before it starts and
 * renews as it progresses. A lease not renewed for {@code staleAfter} (its instance stopped) may be taken over. Taking
 * it is one conditional upsert: the unique {@code _id} makes two instances asking at the same instant race safely.
 * Not ShedLock (7.9, tried on the wire server): its release goes by lock name, not holder, so a holder that went silent
 * and wakes would free its successor's lease (the last check of RebuildLeaseTest), and it tells holders by host name.
 */
class RebuildLease {

    static final String COLLECTION = "statistics_rebuild_lease";
    private static final String ID = "rebuild";

    private final MongoOperations mongo;
    private final Clock clock;
    private final Duration staleAfter;

    RebuildLease(MongoOperations mongo, Clock clock, Duration staleAfter) {
        this.mongo = mongo;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Takes the lease for {@code rebuildId} if nobody holds it (or the holder went silent); false if held. */
    boolean claim(String rebuildId) {
        Date now = Date.from(clock.instant());
        try {
            Document lease = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(ID).and("until").lte(now)),
                    Update.update("holder", rebuildId).set("until", Date.from(clock.instant().plus(staleAfter))),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            return lease != null && rebuildId.equals(lease.getString("holder"));
        } catch (DuplicateKeyException held) {
            return false;   // the lease exists and is current: the upsert's insert met its _id
        }
    }

    /** Keeps the lease while the rebuild makes progress. */
    void renew(String rebuildId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ID).and("holder").is(rebuildId)),
                Update.update("until", Date.from(clock.instant().plus(staleAfter))), COLLECTION);
    }

    /** Lets the next rebuild start at once. */
    void release(String rebuildId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ID).and("holder").is(rebuildId)),
                Update.update("until", Date.from(clock.instant())), COLLECTION);
    }
}
