package org.tanchang.grid.gridservice.statistics;

import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counts of one grid on one day (read model), fed by the events of every service; a day is spread over
 * {@link #BUCKETS} documents by event id, and readers sum them. Each document keeps the list of applied event ids
 * short (a busy day of one grid would otherwise make every update scan a long list), and a redelivered event lands on
 * the same day and bucket, so it always meets its own id. Counter names are listed in {@link Counters}.
 */
@Document("grid_days")
record GridDay(
        @Id String id,
        String gridCode,
        String villageCode,
        String townshipCode,
        String day,
        Map<String, Double> counts,
        List<String> appliedEventIds) {

    static final int BUCKETS = 16;

    /** Days are ISO dates in county time, stored as text: they sort and compare the same on every MongoDB. */
    static String idOf(String gridCode, String day, String eventId) {
        return gridCode + ":" + day + ":" + bucket(eventId);
    }

    static int bucket(String eventId) {
        return Math.floorMod(eventId.hashCode(), BUCKETS);
    }
}
