package org.tanchang.grid.contracts.mediation;

import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A dispute went up a level (GRID → TOWNSHIP → COUNTY) by risk or by time. Keyed by dispute id. */
public record DisputeEscalated(
        String disputeId,
        String gridCode,
        String fromLevel,
        String toLevel,
        String reason,
        List<String> mediatorIds,
        OffsetDateTime at) {

    public static final EventType<DisputeEscalated> TYPE =
            new EventType<>("DisputeEscalated", Topics.DISPUTES, 1, DisputeEscalated.class);
}
