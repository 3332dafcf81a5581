package org.tanchang.grid.platform.consume;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.events.EventJson;
import org.tanchang.grid.platform.events.MalformedEventException;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerProperties.class)
public class EventConsumerConfiguration {

    @Bean
    EventReader eventReader(EventJson json) {
        return new EventReader(json);
    }

    @Bean
    IdempotentWrites idempotentWrites(MongoOperations mongo) {
        return new IdempotentWrites(mongo);
    }

    /** Boot hands this to every listener container: bounded retries, then the dead-letter topic. */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template, ConsumerProperties properties,
            MeterRegistry meters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(DeadLetterRecoverer.create(template, meters),
                new FixedBackOff(properties.retryInterval().toMillis(), properties.attempts() - 1L));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(ConsumerFactory<String, String> consumers,
            KafkaTemplate<String, String> template, @Value("${spring.application.name}") String applicationName) {
        return new DeadLetterReplayer(consumers, template, applicationName);
    }

    @Bean
    DeadLetterEndpoint deadLetterEndpoint(DeadLetterReplayer replayer) {
        return new DeadLetterEndpoint(replayer);
    }

    @Bean
    CountingRecordInterceptor countingRecordInterceptor(MeterRegistry meters) {
        return new CountingRecordInterceptor(meters);
    }

    /** Declares the suite's topics and their dead-letter topics with the configured partitions and replicas. */
    @Bean
    KafkaAdmin.NewTopics suiteTopics(ConsumerProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicas()));
            topics.add(new NewTopic(Topics.deadLetterOf(topic), 1, properties.replicas()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
