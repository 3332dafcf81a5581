package org.tanchang.grid.gridservice.statistics;

import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.consume.IdempotentWrites;

/**
 * Applies counter increments once per event per document (platform IdempotentWrites.applyOnce: the guard and the
 * effect are one conditional upsert), so a redelivered event never counts twice.
 */
@Component
class StatisticsWriter {

    private final IdempotentWrites writes;

    StatisticsWriter(IdempotentWrites writes) {
        this.writes = writes;
    }

    void gridDay(StatisticsStore store, String eventId, String gridCode, String day, Map<String, Double> counts) {
        if (gridCode == null || !gridCode.matches("\\d{15}")) {
            return;   // not placed on the map: counted nowhere rather than in a made-up grid
        }
        Update effect = new Update().setOnInsert("gridCode", gridCode)
                .setOnInsert("villageCode", gridCode.substring(0, 12))
                .setOnInsert("townshipCode", gridCode.substring(0, 9)).setOnInsert("day", day);
        counts.forEach((counter, n) -> effect.inc("counts." + counter, n));
        writes.applyOnce(store.gridDays(), GridDay.idOf(gridCode, day, eventId), eventId, effect);
    }

    void memberDay(StatisticsStore store, String eventId, String memberId, String gridCode, String day,
            Map<String, Double> counts) {
        if (memberId == null || memberId.isBlank() || gridCode == null) {
            return;
        }
        Update effect = new Update().setOnInsert("memberId", memberId).setOnInsert("gridCode", gridCode)
                .setOnInsert("day", day);
        counts.forEach((counter, n) -> effect.inc("counts." + counter, n));
        writes.applyOnce(store.memberDays(), memberId + ":" + day + ":" + GridDay.bucket(eventId), eventId, effect);
    }

    void rememberRequest(StatisticsStore store, String requestId, String gridCode) {
        writes.insertOnce(new Document("_id", requestId).append("gridCode", gridCode), store.requestGrids());
    }

}
