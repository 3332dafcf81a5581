package org.tanchang.grid.platform.outbox;

import java.util.Collection;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Wakes the relay right after a save that left events in an outbox, so fan-out does not wait for the next poll. */
class OutboxWakeUpListener extends AbstractMongoEventListener<Object> {

    private final OutboxRelay relay;

    OutboxWakeUpListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Object> event) {
        Document document = event.getDocument();
        if (document != null && document.get(Outbox.FIELD) instanceof Collection<?> events && !events.isEmpty()) {
            relay.wakeUp();
        }
    }
}
