package org.tanchang.grid.platform.consume;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The two ways a consumer records "this event was applied" in the same single-document write as its effect, so a
 * duplicate delivery has no second effect and two concurrent deliveries cannot both win (no check-then-act).
 */
public class IdempotentWrites {

    /** The array of applied event ids in documents updated with {@link #applyOnce}. */
    public static final String APPLIED_EVENTS = "appliedEventIds";

    private final MongoOperations mongo;

    public IdempotentWrites(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Inserts a document whose id is derived from the event id (for example {@code eventId + ":" + index}).
     * Returns false if it already exists: the unique {@code _id} index is the record of the event.
     */
    public boolean insertOnce(Object document) {
        return insertOnce(document, mongo.getCollectionName(document.getClass()));
    }

    /** {@link #insertOnce(Object)} into a named collection. */
    public boolean insertOnce(Object document, String collection) {
        try {
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    /**
     * Applies {@code effect} to document {@code id} (creating it if absent) unless {@code eventId} is already among
     * its applied events. The guard and the effect are one conditional upsert: if the event was applied, the
     * filter misses and the upsert's insert collides with the existing {@code _id}, which is the "already done".
     * Keep such documents bounded (for example one per grid and day) so the id list stays small.
     */
    public boolean applyOnce(String collection, Object id, String eventId, Update effect) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(id).and(APPLIED_EVENTS).ne(eventId));
        try {
            mongo.upsert(notYetApplied, effect.push(APPLIED_EVENTS, eventId), collection);
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }
}
