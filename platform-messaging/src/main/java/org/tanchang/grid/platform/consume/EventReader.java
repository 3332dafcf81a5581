package org.tanchang.grid.platform.consume;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.platform.events.CloudEventsKafkaBinding;
import org.tanchang.grid.platform.events.EventEnvelope;
import org.tanchang.grid.platform.events.EventJson;

/** Turns a Kafka record into a typed event; a malformed record throws and goes straight to the dead-letter topic. */
public class EventReader {

    private final EventJson json;

    public EventReader(EventJson json) {
        this.json = json;
    }

    /** The event if the record is of this type (in either type form); empty for other types sharing the topic. */
    public <T> Optional<ReceivedEvent<T>> read(ConsumerRecord<String, String> record, EventType<T> type) {
        EventEnvelope envelope = CloudEventsKafkaBinding.fromRecord(record);
        if (!type.accepts(envelope.type())) {
            return Optional.empty();
        }
        return Optional.of(new ReceivedEvent<>(envelope, json.read(envelope, type)));
    }
}
