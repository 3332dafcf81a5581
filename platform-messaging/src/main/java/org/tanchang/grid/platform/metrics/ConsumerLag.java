package org.tanchang.grid.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.tanchang.grid.platform.schedule.PeriodicTask;

/**
 * How far each consumer group is behind on the topics this service publishes, from the broker's own books: the
 * group's committed offset against the end of each partition ({@code tanchang_events_consumer_lag_records{group,
 * topic}}, and {@code tanchang_events_consumer_committed_records} to tell a slow group from one that stopped).
 * Measured by the producer, not by the consumer, for two reasons: the Kafka client's own
 * {@code records-lag} metrics exist only while a consumer fetches (NaN or absent when it stopped polling, which is
 * exactly when lag matters), and a consumer whose process is stopped cannot report anything at all. A group whose
 * members are all gone keeps its committed offsets, so its lag keeps growing here while its producer writes.
 *
 * <p>Per-instance groups (a broadcast reader whose id ends in a random UUID, such as a locator feed) are left
 * out: each is abandoned when its instance stops, and its lag would grow for ever. Two instances of a service report
 * the same figures; the alert takes the maximum per group and topic.
 */
public class ConsumerLag implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    static final Pattern PER_INSTANCE_GROUP =
            Pattern.compile(".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final long TIMEOUT_SECONDS = 10;

    private record Key(String group, String topic) {
    }

    private final MeterRegistry meters;
    private final Supplier<Admin> admins;
    private final Set<String> topics;
    private final Duration interval;
    private record Measure(long lag, long committed) {
    }

    private final Map<Key, AtomicLong[]> values = new ConcurrentHashMap<>();
    private final Map<Key, List<Meter>> gauges = new ConcurrentHashMap<>();
    private final PeriodicTask task = new PeriodicTask("consumer-lag");
    private Admin admin;

    public ConsumerLag(MeterRegistry meters, Supplier<Admin> admins, Collection<String> topics, Duration interval) {
        this.meters = meters;
        this.admins = admins;
        this.topics = Set.copyOf(topics);
        this.interval = interval;
    }

    /** The lag of every group on every watched topic, as the broker sees it now; also updates the gauges. */
    public Map<String, Map<String, Long>> measure() throws Exception {
        if (admin == null) {
            admin = admins.get();
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        described.values().forEach(topic -> topic.partitions().forEach(p -> {
            latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
            earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
        }));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        Map<Key, Measure> measured = new HashMap<>();
        Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (ConsumerGroupListing listing : groups) {
            String group = listing.groupId();
            if (PER_INSTANCE_GROUP.matcher(group).matches()) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Set<String> readTopics = new java.util.HashSet<>();
            committed.keySet().forEach(tp -> {
                if (topics.contains(tp.topic())) {
                    readTopics.add(tp.topic());
                }
            });
            // every partition of a topic the group reads: one it never committed on (no record reached it yet,
            // or its consumer stopped before the first) lags by everything the broker still holds there
            for (TopicPartition partition : ends.keySet()) {
                if (!readTopics.contains(partition.topic())) {
                    continue;
                }
                OffsetAndMetadata offset = committed.get(partition);
                long from = offset != null ? offset.offset() : starts.get(partition).offset();
                long lag = Math.max(0, ends.get(partition).offset() - from);
                measured.merge(new Key(group, partition.topic()), new Measure(lag, offset == null ? 0 : offset.offset()),
                        (a, b) -> new Measure(a.lag() + b.lag(), a.committed() + b.committed()));
            }
        }
        publish(measured);
        Map<String, Map<String, Long>> result = new java.util.TreeMap<>();
        measured.forEach((key, m) -> result.computeIfAbsent(key.group(), g -> new java.util.TreeMap<>())
                .put(key.topic(), m.lag()));
        return result;
    }

    private void publish(Map<Key, Measure> measured) {
        measured.forEach((key, m) -> {
            AtomicLong[] v = values.computeIfAbsent(key, k -> {
                AtomicLong[] created = {new AtomicLong(), new AtomicLong()};
                gauges.put(k, List.of(
                        Gauge.builder("tanchang.events.consumer.lag", created[0], AtomicLong::get)
                                .description("Records of the topic not yet committed by the consumer group, from the "
                                        + "broker's committed offsets and partition ends (measured by the topic's producer)")
                                .baseUnit("records").tag("group", k.group()).tag("topic", k.topic())
                                .strongReference(true).register(meters),
                        Gauge.builder("tanchang.events.consumer.committed", created[1], AtomicLong::get)
                                .description("Sum of the consumer group's committed offsets over the topic's partitions: "
                                        + "it stops moving when the group stops consuming")
                                .baseUnit("records").tag("group", k.group()).tag("topic", k.topic())
                                .strongReference(true).register(meters)));
                return created;
            });
            v[0].set(m.lag());
            v[1].set(m.committed());
        });
        // a group deleted on the broker (or whose offsets expired) is no longer reported
        for (Key gone : List.copyOf(values.keySet())) {
            if (!measured.containsKey(gone)) {
                values.remove(gone);
                List<Meter> meters = gauges.remove(gone);
                if (meters != null) {
                    meters.forEach(this.meters::remove);
                }
            }
        }
    }

    private void measureQuietly() {
        try {
            measure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the broker away: the gauges keep their last value, InstanceDown/the outbox alerts tell the rest
            log.debug("Consumer lag not measured: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (topics.isEmpty()) {
            return;
        }
        task.start(Duration.ZERO, interval, this::measureQuietly);
    }

    @Override
    public void stop() {
        task.stop(Duration.ofSeconds(2));
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }

    @Override
    public boolean isRunning() {
        return task.isRunning();
    }
}
