package org.tanchang.grid.platform.consume;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.tanchang.grid.contracts.Topics;

/**
 * Puts what a consumer gave up on back onto its original topic once the cause is fixed. The replay group's
 * committed offsets remember what was already replayed, so a second replay sends only newer dead letters.
 * Every consumer group of the topic sees the replayed record again; they deduplicate on the event id, so only
 * the group that failed it does any work.
 */
public class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaTemplate<String, String> template;
    private final String group;

    public DeadLetterReplayer(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> template,
            String applicationName) {
        this.consumers = consumers;
        this.template = template;
        this.group = applicationName + "-dead-letter-replay";
    }

    /** Replays the dead letters of {@code topic} that are on the broker now; returns how many. */
    public int replay(String topic) throws Exception {
        String deadLetters = Topics.deadLetterOf(topic);
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (Consumer<String, String> consumer = consumers.createConsumer(group, "replay", null, overrides)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters).stream()
                    .map(p -> new TopicPartition(deadLetters, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int replayed = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        template.send(toOriginal(topic, record)).get(10, TimeUnit.SECONDS);
                        replayed++;
                    }
                }
            }
            consumer.commitSync();
            log.info("Replayed {} dead letters from {} onto {}", replayed, deadLetters, topic);
            return replayed;
        }
    }

    private static ProducerRecord<String, String> toOriginal(String topic, ConsumerRecord<String, String> record) {
        ProducerRecord<String, String> replay = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            // the CloudEvents attributes and trace travel on; the failure details stay in the dead-letter topic
            if (!header.key().startsWith(KafkaHeaders.PREFIX)) {
                replay.headers().add(header);
            }
        }
        replay.headers().add("replayed-from", deadLetters(record).getBytes(StandardCharsets.UTF_8));
        return replay;
    }

    private static String deadLetters(ConsumerRecord<String, String> record) {
        return record.topic() + "@" + record.partition() + ":" + record.offset();
    }
}
