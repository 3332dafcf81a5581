package org.tanchang.grid.gridservice.publicity;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.outbox.OutboxEvent;

/**
 * A talk or campaign held in a grid (e.g. an anti-fraud session under a tree), with its attendance. Written once with
 * its {@code PublicityHeld} event in the outbox, so the statistics (fed from the topics) count it.
 */
@Document("publicity_events")
record PublicityEvent(@Id String id, @Indexed String gridCode, Topic topic, String title, String place,
        String speaker, Instant heldAt, int attendance, List<String> materials, String recordedBy,
        Instant recordedAt, List<OutboxEvent> outbox) {
}
