package org.tanchang.grid.notification.inbox;

import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.tanchang.grid.platform.consume.ConsumerProperties;

/**
 * The live-signal topic and this instance's listener on it. Not a {@code @KafkaListener}: the suite's listener
 * factory retries and dead-letters, which a signal that is stale in a second does not deserve, and the group must
 * be this instance's alone so that every instance gets every signal.
 */
@Configuration(proxyBeanMethods = false)
class LiveSignalConfiguration {

    /** One partition is plenty for signals; they are worthless after seconds, so the broker keeps them briefly. */
    @Bean
    NewTopic inboxLiveTopic(@Value("${tanchang.notification.stream.topic}") String topic,
            @Value("${tanchang.notification.stream.topic-retention}") Duration retention, ConsumerProperties events) {
        return TopicBuilder.name(topic).partitions(1).replicas(events.replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())).build();
    }

    @Bean
    LiveSignalSender liveSignalSender(ProducerFactory<String, String> producers,
            @Value("${tanchang.notification.stream.max-block}") Duration maxBlock) {
        return LiveSignalSender.withOwnProducer(producers, maxBlock);
    }

    @Bean
    KafkaMessageListenerContainer<String, String> inboxLiveListener(ConsumerFactory<String, String> consumers,
            LiveSignals signals, KafkaProperties kafka, @Value("${tanchang.notification.stream.topic}") String topic) {
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(signals.origin());
        // only what is signalled from now on matters; MANUAL and never acknowledged: no offsets are committed, so
        // the broker forgets the group as soon as this instance leaves it
        Properties latest = new Properties();
        latest.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.setKafkaConsumerProperties(latest);
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.setConsumerRebalanceListener(new Positions(signals));
        properties.setMessageListener((MessageListener<String, String>) record -> signals.receive(record.value()));
        KafkaMessageListenerContainer<String, String> container = new KafkaMessageListenerContainer<>(consumers,
                properties);
        container.setCommonErrorHandler(new CommonLoggingErrorHandler());
        container.setAutoStartup(kafka.getListener().isAutoStartup());
        return container;
    }

    /**
     * Fixes the position at the end when partitions are assigned (not lazily at the first fetch), so "listening"
     * on the gauge means every signal sent from then on arrives.
     */
    private record Positions(LiveSignals signals) implements ConsumerAwareRebalanceListener {

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            signals.listening(consumer.assignment().size());
        }

        @Override
        public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            signals.listening(0);
        }

        @Override
        public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            signals.listening(0);
        }
    }
}
