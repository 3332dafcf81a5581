package org.tanchang.grid.platform.outbox;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Reads pending events straight from the aggregate documents and removes one once it is published. */
class OutboxStore {

    static final String SENT = "outbox_sent";
    static final java.time.Duration SENT_RETENTION = java.time.Duration.ofDays(7);

    private final MongoOperations mongo;
    private volatile boolean sentIndexReady;

    OutboxStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    boolean wasSent(OutboxEvent event) {
        ensureSentIndex();
        return mongo.exists(Query.query(Criteria.where("_id").is(event.eventId())), SENT);
    }

    /** A TTL index keeps the memory of sent ids bounded on MongoDB proper (the wire server never expires). */
    private void ensureSentIndex() {
        if (!sentIndexReady) {
            mongo.indexOps(SENT).createIndex(new org.springframework.data.mongodb.core.index.Index()
                    .on("sentAt", org.springframework.data.domain.Sort.Direction.ASC)
                    .expire(SENT_RETENTION.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).named("outbox_sent_ttl"));
            sentIndexReady = true;
        }
    }

    record Pending(String collection, Object documentId, List<OutboxEvent> events) {
    }

    List<Pending> pending(String collection, int limit) {
        Query query = Query.query(Criteria.where(Outbox.FIELD + ".0").exists(true)).limit(limit);
        query.fields().include("_id", Outbox.FIELD);
        List<Pending> result = new ArrayList<>();
        for (Document doc : mongo.find(query, Document.class, collection)) {
            List<OutboxEvent> events = doc.getList(Outbox.FIELD, Document.class).stream().map(OutboxStore::event).toList();
            result.add(new Pending(collection, doc.get("_id"), events));
        }
        return result;
    }

    /**
     * Removes by event id, not by position, so events appended meanwhile by a concurrent write are kept. The id is
     * remembered first in {@value #SENT}: a service that saves a whole copy of the aggregate it read before this
     * removal writes the sent event back, and the relay must then drop it instead of publishing it a second time.
     * (Consumers would deduplicate it anyway; this keeps the topic clean.) Remembered for {@link #SENT_RETENTION}.
     */
    void markSent(Pending pending, OutboxEvent event) {
        try {
            mongo.insert(new Document("_id", event.eventId()).append("sentAt", new Date()), SENT);
        } catch (DuplicateKeyException already) {
            // remembered by an earlier attempt
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(pending.documentId())),
                new Update().pull(Outbox.FIELD, new Document("eventId", event.eventId())), pending.collection());
    }

    private static OutboxEvent event(Document d) {
        Object time = d.get("time");
        return new OutboxEvent(d.getString("eventId"), d.getString("topic"), d.getString("source"),
                d.getString("type"), d.getString("subject"), time instanceof Date date ? date.toInstant() : null,
                d.getString("dataSchema"), d.getString("traceparent"), d.getString("payload"));
    }
}
