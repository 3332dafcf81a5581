package org.tanchang.grid.platform.core;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.tanchang.grid.platform.health.MongoPingHealthIndicator;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.tracing.TracingConfiguration;

/**
 * What every process of the suite gets from the core, whatever its web stack: the county's clock, readiness on
 * MongoDB where it has one, the span export rules where it traces, and one set of Kafka client metrics where it reads
 * Kafka.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@Import(TracingConfiguration.class)
public class CoreAutoConfiguration {

    /** The county's clock: {@code tanchang.zone}, read by {@link PlatformDefaults} into {@link Times#zone()}. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(Times.zone());
    }

    /** Where a Kafka consumer reports to Micrometer: its deprecated per-topic copies are not registered. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.micrometer.core.instrument.config.MeterFilter",
            "org.apache.kafka.clients.consumer.KafkaConsumer"})
    static class KafkaMetrics {

        @Bean
        @ConditionalOnMissingBean(name = "kafkaDeprecatedTopicCopies")
        io.micrometer.core.instrument.config.MeterFilter kafkaDeprecatedTopicCopies() {
            return org.tanchang.grid.platform.metrics.KafkaClientMetrics.deprecatedTopicCopies();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.data.mongodb.core.MongoOperations",
            "org.springframework.boot.health.contributor.AbstractHealthIndicator"})
    static class MongoReadiness {

        /** Named {@code mongoPing}: the readiness group lists it by that name. */
        @Bean
        @ConditionalOnBean(MongoOperations.class)
        @ConditionalOnMissingBean(name = "mongoPing")
        MongoPingHealthIndicator mongoPing(MongoOperations mongo) {
            return new MongoPingHealthIndicator(mongo);
        }
    }
}
