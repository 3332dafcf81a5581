package org.tanchang.grid.contracts.hazard;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A re-inspection found the hazard not removed: it is back in rectification with a new deadline, and counts as a
 * repeat ({@code reopenCount}); enough repeats escalate it. Keyed by hazard id.
 */
public record HazardReopened(
        String hazardId,
        String gridCode,
        String kind,
        String riskLevel,
        String level,
        int reopenCount,
        OffsetDateTime dueAt,
        String officerId,
        String memberId,
        OffsetDateTime at) {

    public static final EventType<HazardReopened> TYPE =
            new EventType<>("HazardReopened", Topics.HAZARDS, 1, HazardReopened.class);
}
