package org.tanchang.grid.gridservice.publicity;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A talk or campaign held in a grid (e.g. an anti-fraud session under a tree), with its attendance. */
@Document("publicity_events")
record PublicityEvent(@Id String id, @Indexed String gridCode, Topic topic, String title, String place,
        String speaker, Instant heldAt, int attendance, List<String> materials, String recordedBy,
        Instant recordedAt) {
}
