package org.tanchang.grid.contracts.petition;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.files.AttachedFile;

/** A material (certificate, form) was attached to a service request. No personal data: the file by id. Keyed by requestId so it stays in order with the matter's other events. */
public record RequestFileAttached(
        String requestId,
        String gridCode,
        AttachedFile file,
        OffsetDateTime attachedAt) {

    public static final EventType<RequestFileAttached> TYPE =
            new EventType<>("RequestFileAttached", Topics.REQUESTS, 1, RequestFileAttached.class);
}
