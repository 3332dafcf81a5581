package org.tanchang.grid.contracts.mediation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A supervisor pressed for progress on a dispute (督办), with the reason and optionally the day by which it is
 * expected; notification-service tells its mediators and the supervisors of its level's area. Keyed by dispute id.
 */
public record DisputeSupervised(
        String disputeId,
        String gridCode,
        String state,
        List<String> mediatorIds,
        String supervisorAreaCode,
        String supervisorId,
        String supervisorName,
        String reason,
        LocalDate deadline,
        OffsetDateTime at) {

    public static final EventType<DisputeSupervised> TYPE =
            new EventType<>("DisputeSupervised", Topics.DISPUTES, 1, DisputeSupervised.class);
}
