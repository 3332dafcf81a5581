package org.tanchang.grid.contracts.hazard;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A hazard went up a level (GRID → TOWNSHIP → COUNTY): overdue, repeatedly not removed, or by hand.
 * {@code reason} is OVERDUE, REPEAT or MANUAL; {@code supervisorAreaCode} is the area of {@code toLevel} (the
 * township's 9 or the county's 6 digits), whose supervisors now answer for it. Keyed by hazard id.
 */
public record HazardEscalated(
        String hazardId,
        String gridCode,
        String kind,
        String riskLevel,
        String fromLevel,
        String toLevel,
        String reason,
        String officerId,
        String memberId,
        String supervisorAreaCode,
        OffsetDateTime at) {

    public static final EventType<HazardEscalated> TYPE =
            new EventType<>("HazardEscalated", Topics.HAZARDS, 1, HazardEscalated.class);
}
