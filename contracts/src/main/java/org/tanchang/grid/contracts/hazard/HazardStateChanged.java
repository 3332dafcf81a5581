package org.tanchang.grid.contracts.hazard;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A hazard moved along its workflow (reported → rectifying → re-inspection → closed, dismissed). {@code action} is
 * the workflow action that moved it; {@code remark} is scrubbed of personal data. Keyed by hazard id.
 */
public record HazardStateChanged(
        String hazardId,
        String gridCode,
        String kind,
        String riskLevel,
        String level,
        String fromState,
        String toState,
        String action,
        String actorId,
        String officerId,
        String memberId,
        OffsetDateTime at,
        String remark) {

    public static final EventType<HazardStateChanged> TYPE =
            new EventType<>("HazardStateChanged", Topics.HAZARDS, 1, HazardStateChanged.class);
}
