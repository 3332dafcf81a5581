package org.tanchang.grid.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.tanchang.grid.platform.events.EventJson;
import org.tanchang.grid.platform.events.EventTraces;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    Outbox outbox(@Value("${spring.application.name}") String applicationName, EventJson json, Clock clock,
            @Value("${tanchang.events.legacy-type:false}") boolean legacyType, EventTraces traces) {
        return new Outbox(applicationName, json, clock, legacyType, traces);
    }

    @Bean
    OutboxRelay outboxRelay(MongoOperations mongo, KafkaTemplate<String, String> kafka, MongoMappingContext mapping,
            OutboxProperties properties, MeterRegistry meters, EventTraces traces) {
        return new OutboxRelay(new OutboxStore(mongo),
                new KafkaOutboxPublisher(kafka, properties.sendTimeout(), traces),
                () -> collections(mapping, properties), properties, meters);
    }

    @Bean
    OutboxWakeUpListener outboxWakeUpListener(OutboxRelay relay) {
        return new OutboxWakeUpListener(relay);
    }

    /**
     * Every mapped document type that is an {@link OutboxOwner} takes part; no list to keep in sync by hand. (A type
     * with an {@code outbox} field but not the interface still counts, until every aggregate declares the type.)
     */
    static List<String> collections(MongoMappingContext mapping, OutboxProperties properties) {
        Set<String> names = new LinkedHashSet<>(properties.collections());
        for (MongoPersistentEntity<?> entity : mapping.getPersistentEntities()) {
            boolean owner = OutboxOwner.class.isAssignableFrom(entity.getType())
                    || entity.getPersistentProperty(Outbox.FIELD) != null;
            if (owner && entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class)) {
                names.add(entity.getCollection());
            }
        }
        return List.copyOf(names);
    }
}
