package org.tanchang.grid.contracts.mediation;

import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * The time limit of a dispute's current step has passed: the red flag, raised once per step (an extension of the
 * mediation period starts a new one). Same recipients as {@link DisputeDeadlineApproaching}. Keyed by dispute id.
 */
public record DisputeOverdue(
        String disputeId,
        String gridCode,
        String state,
        String step,
        OffsetDateTime dueAt,
        List<String> mediatorIds,
        String supervisorAreaCode) {

    public static final EventType<DisputeOverdue> TYPE =
            new EventType<>("DisputeOverdue", Topics.DISPUTES, 1, DisputeOverdue.class);
}
