package org.tanchang.grid.contracts.hazard;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A rectification order (整改通知) was given: the responsible party must remove the hazard by {@code dueAt} (on the
 * work calendar, by risk level). The measures and the party are not carried (free text, personal data). Keyed by
 * hazard id.
 */
public record HazardRectificationOrdered(
        String hazardId,
        String gridCode,
        String kind,
        String riskLevel,
        String level,
        OffsetDateTime dueAt,
        String officerId,
        String memberId,
        OffsetDateTime at) {

    public static final EventType<HazardRectificationOrdered> TYPE =
            new EventType<>("HazardRectificationOrdered", Topics.HAZARDS, 1, HazardRectificationOrdered.class);
}
