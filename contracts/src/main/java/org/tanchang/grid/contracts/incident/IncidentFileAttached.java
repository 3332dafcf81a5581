package org.tanchang.grid.contracts.incident;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.files.AttachedFile;

/** Evidence was attached to an incident. No personal data: the file by id. Keyed by incidentId so it stays in order with the matter's other events. */
public record IncidentFileAttached(
        String incidentId,
        String gridCode,
        AttachedFile file,
        OffsetDateTime attachedAt) {

    public static final EventType<IncidentFileAttached> TYPE =
            new EventType<>("IncidentFileAttached", Topics.INCIDENTS, 1, IncidentFileAttached.class);
}
