package org.tanchang.grid.platform.testapp;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;
import org.tanchang.grid.platform.workflow.Deadline;

/** A workflow aggregate of the test app: a door that is opened, closed, locked and knocked on. */
@Document("doors")
class Door implements OutboxOwner {

    enum State { CLOSED, OPEN, LOCKED }

    record Changed(String doorId, String from, String to, String action) {
    }

    record LeftOpen(String doorId, String flag) {
    }

    static final EventType<Changed> CHANGED = new EventType<>("DoorChanged", "test.doors.v1", 1, Changed.class);
    static final EventType<LeftOpen> LEFT_OPEN = new EventType<>("DoorLeftOpen", "test.doors.v1", 1, LeftOpen.class);

    @Id
    String id;
    State state = State.CLOSED;
    String gridCode;
    String note;
    String tag;
    List<String> log = new ArrayList<>();
    Deadline deadline;
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
