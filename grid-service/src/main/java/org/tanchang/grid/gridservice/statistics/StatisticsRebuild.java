package org.tanchang.grid.gridservice.statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;

/**
 * Rebuilds the statistics from scratch: empties the collections of a store, then replays every topic the listener
 * reads from its first offset to its end at the time of the call, through the same projector. Used to check (and, by
 * {@link StatisticsPromotion}, to repair) the live figures.
 */
@Component
public class StatisticsRebuild {

    static final List<String> TOPICS = List.of(Topics.PATROL_REPORTS, Topics.PATROL_PLANS, Topics.PUBLICITY,
            Topics.INCIDENTS, Topics.DISPUTES, Topics.FOLLOW_UP_VISITS, Topics.REQUESTS, Topics.SENTIMENTS,
            Topics.RISK_WARNINGS, Topics.CARE, Topics.HAZARDS, Topics.LOST_ITEMS);

    /** How far a replay went: the offsets it stopped at (exclusive) and the records it applied. */
    record Replayed(Map<TopicPartition, Long> end, long records) {
    }

    private final ConsumerFactory<String, String> consumers;
    private final StatisticsProjector projector;
    private final MongoOperations mongo;

    StatisticsRebuild(ConsumerFactory<String, String> consumers, StatisticsProjector projector,
            MongoOperations mongo) {
        this.consumers = consumers;
        this.projector = projector;
        this.mongo = mongo;
    }

    /** Replays into collections named with {@code prefix}; returns the number of records read. */
    public long rebuild(String prefix) {
        return rebuild(new StatisticsStore(prefix), total -> { }, read -> { }).records();
    }

    Replayed rebuild(StatisticsStore store, LongConsumer total, LongConsumer progress) {
        for (String collection : List.of(store.gridDays(), store.memberDays(), store.requestGrids())) {
            mongo.dropCollection(collection);
        }
        return replay(store, null, total, progress);
    }

    /**
     * Applies the records from {@code from} (the first offsets when null) to the end of each partition at the time of
     * the call. The projector's writes are idempotent, so replaying a record a store has seen changes nothing.
     */
    Replayed replay(StatisticsStore store, Map<TopicPartition, Long> from, LongConsumer total,
            LongConsumer progress) {
        long read = 0;
        // partitions are assigned by hand under a throw-away group and nothing is committed: the live group is untouched
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (Consumer<String, String> consumer = consumers.createConsumer("grid-service-rebuild-" + UUID.randomUUID(),
                "statistics-rebuild", null, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            if (from != null) {
                from.forEach((partition, offset) -> {
                    if (partitions.contains(partition)) {
                        consumer.seek(partition, offset);
                    }
                });
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            total.accept(partitions.stream().mapToLong(p -> Math.max(0, end.get(p) - consumer.position(p))).sum());
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        projector.apply(record, store);
                        read++;
                    }
                }
                progress.accept(read);
            }
            return new Replayed(end, read);
        }
    }
}
