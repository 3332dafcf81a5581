package org.tanchang.grid.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.tanchang.grid.contracts.Topics;

/**
 * The platform's operational gauges: consumer lag of the service's topics and the business counts it declares (the
 * filter that keeps the Kafka client's metrics from being reported twice is platform-core's {@code KafkaClientMetrics}).
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    CountGauges countGauges(MeterRegistry meters,
            @Value("${tanchang.metrics.count-interval:PT30S}") Duration interval) {
        return new CountGauges(meters, interval);
    }

    /**
     * The topics a service publishes are named after it ({@code grid.*} by grid-service, {@code case.*} by
     * case-service ...); {@code tanchang.events.lag.topics} names them explicitly where that does not hold.
     */
    @Bean
    ConsumerLag consumerLag(MeterRegistry meters, KafkaAdmin kafkaAdmin,
            @Value("${spring.application.name}") String applicationName,
            @Value("${tanchang.events.lag.topics:}") List<String> topics,
            @Value("${tanchang.events.lag.interval:PT15S}") Duration interval) {
        List<String> named = topics.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        List<String> watched = named.isEmpty() ? ownTopics(applicationName) : named;
        return new ConsumerLag(meters, () -> Admin.create(kafkaAdmin.getConfigurationProperties()), watched, interval);
    }

    static List<String> ownTopics(String applicationName) {
        String prefix = applicationName.replaceFirst("-service$", "") + ".";
        return Topics.ALL.stream().filter(topic -> topic.startsWith(prefix)).toList();
    }
}
