package org.tanchang.grid.platform.outbox;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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

    /** Which of these events were published already (one query by {@code _id}). */
    java.util.Set<String> sentAmong(java.util.Collection<String> eventIds) {
        ensureSentIndex();
        if (eventIds.isEmpty()) {
            return java.util.Set.of();
        }
        Query query = Query.query(Criteria.where("_id").in(eventIds));
        query.fields().include("_id");
        java.util.Set<String> sent = new java.util.HashSet<>();
        mongo.find(query, Document.class, SENT).forEach(d -> sent.add(d.getString("_id")));
        return sent;
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

    /**
     * Documents with events still to publish. Asked by {@code outbox.eventId}, which an index serves (created here,
     * sparse: only documents with pending events are in it), so the look costs what is pending, not what is stored.
     */
    List<Pending> pending(String collection, int limit) {
        ensurePendingIndex(collection);
        Query query = Query.query(Criteria.where(Outbox.FIELD + ".eventId").exists(true)).limit(limit);
        query.fields().include("_id", Outbox.FIELD);
        List<Pending> result = new ArrayList<>();
        for (Document doc : mongo.find(query, Document.class, collection)) {
            List<OutboxEvent> events = doc.getList(Outbox.FIELD, Document.class).stream().map(OutboxStore::event).toList();
            result.add(new Pending(collection, doc.get("_id"), events));
        }
        return result;
    }

    /**
     * Removes the published events of each document (a map from document id to event ids), by event id, not by
     * position, so events appended meanwhile by a concurrent write are kept. The id is
     * remembered first in {@value #SENT}: a service that saves a whole copy of the aggregate it read before this
     * removal writes the sent event back, and the relay must then drop it instead of publishing it a second time.
     * (Consumers would deduplicate it anyway; this keeps the topic clean.) Remembered for {@link #SENT_RETENTION}.
     * Two bulk writes for all the documents of a pass: one store commit each on the wire server, not two per event.
     */
    void markSent(String collection, java.util.Map<Object, List<String>> sentByDocument) {
        if (sentByDocument.isEmpty()) {
            return;
        }
        Date now = new Date();
        List<Document> remembered = new ArrayList<>();
        sentByDocument.values().forEach(ids -> ids.forEach(id -> remembered.add(new Document("_id", id).append("sentAt", now))));
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SENT).insert(remembered).execute();
        } catch (BulkOperationException e) {
            // ids remembered by an earlier attempt collide; anything else is a real failure
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                throw e;
            }
        }
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        sentByDocument.forEach((documentId, ids) -> removals.updateOne(Query.query(Criteria.where("_id").is(documentId)),
                new Update().pull(Outbox.FIELD, new Document("eventId", new Document("$in", ids)))));
        removals.execute();
    }

    private final java.util.Set<String> pendingIndexed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void ensurePendingIndex(String collection) {
        if (pendingIndexed.add(collection)) {
            mongo.indexOps(collection).createIndex(new org.springframework.data.mongodb.core.index.Index()
                    .on(Outbox.FIELD + ".eventId", org.springframework.data.domain.Sort.Direction.ASC).sparse()
                    .named("outbox_pending"));
        }
    }

    private static OutboxEvent event(Document d) {
        Object time = d.get("time");
        return new OutboxEvent(d.getString("eventId"), d.getString("topic"), d.getString("source"),
                d.getString("type"), d.getString("subject"), time instanceof Date date ? date.toInstant() : null,
                d.getString("dataSchema"), d.getString("traceparent"), d.getString("payload"));
    }
}
