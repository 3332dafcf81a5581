package org.tanchang.grid.gridservice.sentiment;

import java.time.OffsetDateTime;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Mood;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Risk;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Source;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Topic;
import org.tanchang.grid.platform.time.Times;

/** A piece of public sentiment as the API shows it; the village and township are the prefixes of the grid code. */
record SentimentView(String id, String gridCode, String villageCode, String townshipCode, Topic topic,
        String topicDetail, int peopleAffected, Mood mood, Risk risk, String summary, Source source,
        String sourceReference, String recordedBy, String recordedByName, OffsetDateTime recordedAt) {

    static SentimentView of(Sentiment s) {
        return new SentimentView(s.id(), s.gridCode(), s.gridCode().substring(0, 12), s.gridCode().substring(0, 9),
                s.topic(), s.topicDetail(), s.peopleAffected(), s.mood(), s.risk(), s.summary(), s.source(),
                s.sourceReference(), s.recordedBy(), s.recordedByName(), Times.local(s.recordedAt()));
    }
}
