package org.tanchang.grid.contracts.mediation;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** Mediation ended without agreement and the matter was referred: CASE (case-service opens an incident), LITIGATION or ARBITRATION. Keyed by dispute id. */
public record DisputeReferred(
        String disputeId,
        String gridCode,
        String target,
        String description,
        String reason,
        OffsetDateTime at) {

    public static final EventType<DisputeReferred> TYPE =
            new EventType<>("DisputeReferred", Topics.DISPUTES, 1, DisputeReferred.class);
}
