package org.tanchang.grid.gridservice.statistics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Makes a rebuilt store the live one, while the live listener keeps writing. Every live document is replaced by its
 * rebuilt twin (live documents without one are removed); an event the live listener applied meanwhile may be lost by
 * a replacement, which is why the caller then replays the topics from where the rebuild stopped into the live store:
 * the writes are idempotent per document, so what a document has seen counts once and what it lost comes back.
 */
@Component
class StatisticsPromotion {

    private final MongoOperations mongo;

    StatisticsPromotion(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void promote(StatisticsStore rebuilt) {
        StatisticsStore live = StatisticsStore.LIVE;
        copy(rebuilt.gridDays(), live.gridDays());
        copy(rebuilt.memberDays(), live.memberDays());
        copy(rebuilt.requestGrids(), live.requestGrids());
        for (String collection : List.of(rebuilt.gridDays(), rebuilt.memberDays(), rebuilt.requestGrids())) {
            mongo.dropCollection(collection);
        }
    }

    private void copy(String from, String to) {
        Set<Object> kept = new HashSet<>();
        for (Document document : mongo.findAll(Document.class, from)) {
            mongo.save(document, to);
            kept.add(document.get("_id"));
        }
        Query ids = new Query();
        ids.fields().include("_id");
        for (Document document : mongo.find(ids, Document.class, to)) {
            if (!kept.contains(document.get("_id"))) {
                mongo.remove(Query.query(Criteria.where("_id").is(document.get("_id"))), to);
            }
        }
    }
}
