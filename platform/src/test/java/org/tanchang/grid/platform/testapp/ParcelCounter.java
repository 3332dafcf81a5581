package org.tanchang.grid.platform.testapp;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.consume.EventReader;
import org.tanchang.grid.platform.consume.IdempotentWrites;

/** Counts parcels per owner from the events, idempotently; a payload it cannot read goes to the dead-letter topic. */
@Component
class ParcelCounter {

    /** While set, parcels of "flaky" fail as if a dependency were down. */
    static final java.util.concurrent.atomic.AtomicBoolean FLAKY = new java.util.concurrent.atomic.AtomicBoolean(true);

    private final EventReader reader;
    private final IdempotentWrites writes;

    ParcelCounter(EventReader reader, IdempotentWrites writes) {
        this.reader = reader;
        this.writes = writes;
    }

    @KafkaListener(topics = "test.parcels.v1")
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, Parcel.REGISTERED).ifPresent(event -> {
            if (event.data().owner().equals("poison") || (event.data().owner().equals("flaky") && FLAKY.get())) {
                throw new IllegalStateException("cannot count parcels of poison");
            }
            writes.applyOnce("parcel_counts", event.data().owner(), event.eventId(), new Update().inc("parcels", 1));
        });
    }
}
