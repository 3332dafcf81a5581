package org.tanchang.grid.platform.geo;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.annotation.KafkaListener;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.grid.GridChanged;
import org.tanchang.grid.platform.consume.EventReader;

/**
 * A {@link GridMap} for services that place things on the map themselves ({@code tanchang.grid-map.enabled=true}):
 * case-service and mediation-service assign reports to grids from locations. grid-service owns the grids and does
 * not need it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tanchang.grid-map.enabled", havingValue = "true")
public class GridMapConfiguration {

    @Bean
    GridMap gridMap(MongoOperations mongo) {
        return new GridMap(mongo);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> gridMapLoader(GridMap map) {
        return ready -> map.load();
    }

    @Bean
    GridMapListener gridMapListener(GridMap map, EventReader reader) {
        return new GridMapListener(map, reader);
    }

    /** Keeps the map current; a redelivered or older event is ignored by the map's version check. */
    static class GridMapListener {

        private final GridMap map;
        private final EventReader reader;

        GridMapListener(GridMap map, EventReader reader) {
            this.map = map;
            this.reader = reader;
        }

        // Every instance keeps the whole map in memory, so every instance must read every grid: a group of its own
        // (shared by the service's instances, the partitions would be split and each instance would miss the grids
        // of the others' partitions until its next restart). It reads from the beginning; the version check makes
        // the replay of grids it already stored a no-op.
        @KafkaListener(topics = Topics.GRIDS, groupId = "${spring.application.name}-grid-map-${random.uuid}",
                properties = "auto.offset.reset=earliest")
        void on(ConsumerRecord<String, String> record) {
            reader.read(record, GridChanged.TYPE).ifPresent(event -> map.apply(event.data()));
        }
    }
}
