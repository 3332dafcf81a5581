package org.tanchang.grid.gridservice.sentiment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.grid.SentimentRecorded;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Mood;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Risk;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Source;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Topic;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.web.Page;

/** Records public sentiment (by hand or from a patrol finding) with its event, and reads it in the caller's area. */
@Service
class Sentiments {

    private final MongoOperations mongo;
    private final IdempotentWrites once;
    private final Outbox outbox;
    private final Clock clock;

    Sentiments(MongoOperations mongo, IdempotentWrites once, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.once = once;
        this.outbox = outbox;
        this.clock = clock;
    }

    Sentiment record(Caller caller, RecordSentiment r) {
        Visibility.requireArea(caller, r.gridCode());
        Sentiment s = sentiment("sen-" + UUID.randomUUID(), r.gridCode(), r.topic(), r.topicDetail(),
                r.peopleAffected(), r.mood(), r.risk(), r.summary(), r.source(), null, caller.subject(),
                caller.name(), clock.instant());
        return mongo.insert(s);
    }

    /**
     * The sentiment of a patrol finding, once: its id is the report's and the finding's, so a redelivered report
     * event finds it stored and changes nothing. Returns false for such a duplicate.
     */
    boolean recordFinding(String reportId, int index, String gridCode, String description, int peopleAffected,
            Topic topic, Mood mood, Risk risk, String memberId, String memberName, Instant at) {
        return once.insertOnce(sentiment("sen-" + reportId + "-" + index, gridCode, topic, null, peopleAffected,
                mood, risk, description, Source.PATROL_FINDING, reportId + "#" + index, memberId, memberName, at));
    }

    private Sentiment sentiment(String id, String gridCode, Topic topic, String topicDetail, int people, Mood mood,
            Risk risk, String summary, Source source, String reference, String by, String byName, Instant at) {
        OutboxEvent recorded = outbox.event(SentimentRecorded.TYPE, id, new SentimentRecorded(id, gridCode,
                topic.name(), people, mood.name(), risk.name(), source.name(), reference, by, Times.local(at)));
        return new Sentiment(id, gridCode, topic, topicDetail, people, mood, risk, FreeText.scrub(summary), source,
                reference, by, byName, at, new ArrayList<>(List.of(recorded)));
    }

    Sentiment get(Caller caller, String id) {
        Sentiment found = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Visibility.criteria(caller, "gridCode", null))), Sentiment.class);
        if (found == null) {
            throw ProblemException.notFound("Sentiment", id);
        }
        return found;
    }

    Page<SentimentView> list(Caller caller, String areaCode, Topic topic, Risk risk, Source source, int page,
            int size) {
        List<Criteria> conditions = new ArrayList<>(List.of(Visibility.criteria(caller, "gridCode", null)));
        if (areaCode != null) {
            conditions.add(Criteria.where("gridCode").regex("^" + areaCode));
        }
        if (topic != null) {
            conditions.add(Criteria.where("topic").is(topic));
        }
        if (risk != null) {
            conditions.add(Criteria.where("risk").is(risk));
        }
        if (source != null) {
            conditions.add(Criteria.where("source").is(source));
        }
        return Page.query(mongo, Query.query(new Criteria().andOperator(conditions)), Sentiment.class,
                Sort.by(Sort.Order.desc("recordedAt"), Sort.Order.asc("_id")), page, size, SentimentView::of);
    }
}
