package org.tanchang.grid.contracts.mediation;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A dispute moved along the People's Mediation Law workflow (accepted, declined, mediating, agreed, terminated, confirmed, performing, fulfilled, archived). {@code level} is GRID, TOWNSHIP or COUNTY. Keyed by dispute id. */
public record DisputeStateChanged(
        String disputeId,
        String gridCode,
        String type,
        String fromState,
        String toState,
        String level,
        String actorId,
        OffsetDateTime at,
        String remark) {

    public static final EventType<DisputeStateChanged> TYPE =
            new EventType<>("DisputeStateChanged", Topics.DISPUTES, 1, DisputeStateChanged.class);
}
