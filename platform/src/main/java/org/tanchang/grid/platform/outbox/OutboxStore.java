package org.tanchang.grid.platform.outbox;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Reads pending events straight from the aggregate documents and removes one once it is published. */
class OutboxStore {

    private final MongoOperations mongo;

    OutboxStore(MongoOperations mongo) {
        this.mongo = mongo;
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

    /** Removes by event id, not by position, so events appended meanwhile by a concurrent write are kept. */
    void markSent(Pending pending, OutboxEvent event) {
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
