package org.tanchang.grid.contracts.mediation;

import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * 70% of the time limit of a dispute's current step (acceptance, mediation) has passed: the yellow flag, raised once
 * per step. Goes to the dispute's mediators and the supervisors of {@code supervisorAreaCode} (the area of the level
 * the dispute is mediated at). Keyed by dispute id.
 */
public record DisputeDeadlineApproaching(
        String disputeId,
        String gridCode,
        String state,
        String step,
        OffsetDateTime dueAt,
        List<String> mediatorIds,
        String supervisorAreaCode) {

    public static final EventType<DisputeDeadlineApproaching> TYPE =
            new EventType<>("DisputeDeadlineApproaching", Topics.DISPUTES, 1, DisputeDeadlineApproaching.class);
}
