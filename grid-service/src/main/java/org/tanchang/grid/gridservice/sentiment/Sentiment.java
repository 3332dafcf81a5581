package org.tanchang.grid.gridservice.sentiment;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Mood;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Risk;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Source;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Topic;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;

/**
 * A piece of public sentiment (社情民意) heard in a grid. Written once with its {@code SentimentRecorded} event in the
 * outbox; a record, not a case: what follows from it is a risk warning (預警研判) or a matter of another service.
 * The summary is stored scrubbed of identity numbers and mobiles, as people type them into such notes.
 */
@Document("sentiments")
record Sentiment(@Id String id, @Indexed String gridCode, Topic topic, String topicDetail, int peopleAffected,
        Mood mood, Risk risk, String summary, Source source, String sourceReference, String recordedBy,
        String recordedByName, Instant recordedAt, List<OutboxEvent> outbox) implements OutboxOwner {
}
