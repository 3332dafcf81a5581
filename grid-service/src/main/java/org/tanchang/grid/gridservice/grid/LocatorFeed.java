package org.tanchang.grid.gridservice.grid;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.grid.GridChanged;
import org.tanchang.grid.platform.consume.EventReader;

/**
 * Keeps this instance's locate index current with grid changes made on any instance. Every instance needs every
 * change, so each one reads the topic under a group of its own (a shared group would hand each change to one
 * instance only), from the earliest offset; the index's version check makes redeliveries and replays harmless.
 * The platform's GridMap is not used because its group is shared by all instances of a service.
 */
@Component
class LocatorFeed {

    private final GridLocator locator;
    private final EventReader reader;

    LocatorFeed(GridLocator locator, EventReader reader) {
        this.locator = locator;
        this.reader = reader;
    }

    @KafkaListener(topics = Topics.GRIDS, groupId = "${spring.application.name}-locate-${random.uuid}",
            properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, GridChanged.TYPE).ifPresent(event -> locator.apply(event.data()));
    }
}
