package org.tanchang.grid.gridservice.statistics;

import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counts of one grid on one day (read model). One document per grid and day keeps the list of applied event
 * ids short, and a redelivered event lands on the same day, so it always meets its own id.
 */
@Document("grid_days")
record GridDay(
        @Id String id,
        String gridCode,
        String townshipCode,
        String day,
        long patrolReports,
        Map<String, Long> findings,
        List<String> appliedEventIds) {

    /** Days are ISO dates in county time, stored as text: they sort and compare the same on every MongoDB. */
    static String idOf(String gridCode, String day) {
        return gridCode + ":" + day;
    }
}
