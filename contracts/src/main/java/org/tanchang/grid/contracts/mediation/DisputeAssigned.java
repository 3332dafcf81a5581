package org.tanchang.grid.contracts.mediation;

import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A dispute was given to its mediators (those of its level's area on the roster) when it was opened;
 * notification-service tells each of them. A later level's mediators hear of it by {@link DisputeEscalated}.
 * Keyed by dispute id.
 */
public record DisputeAssigned(
        String disputeId,
        String gridCode,
        String level,
        String type,
        String riskLevel,
        List<String> mediatorIds,
        OffsetDateTime at) {

    public static final EventType<DisputeAssigned> TYPE =
            new EventType<>("DisputeAssigned", Topics.DISPUTES, 1, DisputeAssigned.class);
}
