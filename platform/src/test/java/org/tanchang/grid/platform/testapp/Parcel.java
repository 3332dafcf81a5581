package org.tanchang.grid.platform.testapp;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.platform.outbox.OutboxEvent;

@Document("parcels")
class Parcel {

    record Registered(String parcelId, String owner) {
    }

    static final EventType<Registered> REGISTERED = new EventType<>("ParcelRegistered", "test.parcels.v1", 1,
            Registered.class);

    @Id
    String id;
    String owner;
    String gridCode;
    String submittedBy;
    boolean delivered;
    int weightGrams;
    java.time.LocalDate deliverBy;
    List<OutboxEvent> outbox = new ArrayList<>();
}
