package org.tanchang.grid.contracts.hazard;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A re-inspection (复查) found the hazard removed (it closes) or not removed (it is rectified again, see
 * {@link HazardReopened}). {@code reopenCount} is how often re-inspections found it not removed so far. Keyed by
 * hazard id.
 */
public record HazardReinspected(
        String hazardId,
        String gridCode,
        String kind,
        String riskLevel,
        String level,
        boolean removed,
        int reopenCount,
        String inspectorId,
        String officerId,
        String memberId,
        OffsetDateTime at) {

    public static final EventType<HazardReinspected> TYPE =
            new EventType<>("HazardReinspected", Topics.HAZARDS, 1, HazardReinspected.class);
}
