package org.tanchang.grid.gridservice.statistics;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tanchang.grid.contracts.care.CareVisitMissed;
import org.tanchang.grid.contracts.care.CareVisitRecorded;
import org.tanchang.grid.platform.consume.EventReader;
import org.tanchang.grid.platform.time.Times;

/**
 * The care counters (结对关爱) of a grid's day and a member's day. A visit counts on the day it was made, for whoever
 * made it; a due visit is either made on time or missed, so {@code careVisitsDue} = on time + missed, and a missed
 * one counts on its due day against the paired member. A late visit is done but neither due nor on time (its miss
 * was already counted). Kept apart from the projector so other counters' edits there do not meet this one.
 */
final class CareFigures {

    private CareFigures() {
    }

    static void apply(EventReader reader, StatisticsWriter writer, ConsumerRecord<String, String> record,
            StatisticsStore store) {
        reader.read(record, CareVisitRecorded.TYPE).ifPresent(e -> {
            CareVisitRecorded v = e.data();
            Map<String, Double> counts = new HashMap<>();
            counts.put(Counters.CARE_VISITS_DONE, 1.0);
            if (v.onTime()) {
                counts.put(Counters.CARE_VISITS_ON_TIME, 1.0);
                counts.put(Counters.CARE_VISITS_DUE, 1.0);
            }
            if (v.followUpNeeded()) {
                counts.put(Counters.CARE_VISITS_FOLLOW_UP, 1.0);
            }
            String day = Times.countyDate(v.visitedAt()).toString();
            writer.gridDay(store, e.eventId(), v.gridCode(), day, counts);
            writer.memberDay(store, e.eventId(), v.memberId(), v.gridCode(), day, counts);
        });
        reader.read(record, CareVisitMissed.TYPE).ifPresent(e -> {
            CareVisitMissed m = e.data();
            Map<String, Double> counts = Map.of(Counters.CARE_VISITS_MISSED, 1.0, Counters.CARE_VISITS_DUE, 1.0);
            String day = m.dueOn().toString();
            writer.gridDay(store, e.eventId(), m.gridCode(), day, counts);
            writer.memberDay(store, e.eventId(), m.memberId(), m.gridCode(), day, counts);
        });
    }
}
