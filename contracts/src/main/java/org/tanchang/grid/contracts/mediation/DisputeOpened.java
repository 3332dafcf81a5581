package org.tanchang.grid.contracts.mediation;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** mediation-service opened a dispute, for example from a DISPUTE finding of a patrol report. */
public record DisputeOpened(
        String disputeId,
        String gridCode,
        String source,
        String sourceReference,
        String description,
        OffsetDateTime openedAt) {

    public static final EventType<DisputeOpened> TYPE =
            new EventType<>("DisputeOpened", Topics.DISPUTES, 1, DisputeOpened.class);
}
