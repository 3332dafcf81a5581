package org.tanchang.grid.contracts.hazard;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * The time limit of a hazard's current step passed (red flag, raised once per limit): {@code step} is ordering,
 * rectification or reinspection. An overdue hazard also goes up a level ({@link HazardEscalated}, same write).
 * {@code supervisorAreaCode} is the area of the level that answers for it when the flag was raised. Keyed by hazard
 * id.
 */
public record HazardOverdue(
        String hazardId,
        String gridCode,
        String kind,
        String riskLevel,
        String level,
        String state,
        String step,
        OffsetDateTime dueAt,
        String officerId,
        String memberId,
        String supervisorAreaCode) {

    public static final EventType<HazardOverdue> TYPE =
            new EventType<>("HazardOverdue", Topics.HAZARDS, 1, HazardOverdue.class);
}
