package org.tanchang.grid.contracts.grid;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A piece of public sentiment (社情民意) was recorded in a grid: from a SENTIMENT finding of a patrol report, at the
 * window, on a visit or directly. Codes only: the summary stays in grid-service (it may name people). The early-warning
 * rules read it (a HIGH risk raises a warning) and statistics count it by risk. Keyed by the sentiment's id.
 *
 * @param topic           what it is about (LAND, WAGES, HERB_TRADE, ROAD, ...)
 * @param peopleAffected  how many people it concerns, as the recorder estimated
 * @param mood            CALM, CONCERNED, ANXIOUS, ANGRY
 * @param risk            LOW, MEDIUM, HIGH
 * @param source          PATROL_FINDING, WINDOW, VISIT, DIRECT
 * @param sourceReference the patrol report and finding ({@code reportId#index}) for a finding, else null
 * @param recordedBy      user name of whoever recorded it (the member who patrolled, for a finding)
 */
public record SentimentRecorded(
        String sentimentId,
        String gridCode,
        String topic,
        int peopleAffected,
        String mood,
        String risk,
        String source,
        String sourceReference,
        String recordedBy,
        OffsetDateTime recordedAt) {

    public static final EventType<SentimentRecorded> TYPE =
            new EventType<>("SentimentRecorded", Topics.SENTIMENTS, 1, SentimentRecorded.class);
}
