package org.tanchang.grid.contracts.patrol;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A patrol plan's window closed with a must-visit point (必到点) unvisited. Keyed by plan id. */
public record CheckpointMissed(
        String planId,
        String checkpointId,
        String checkpointName,
        String gridCode,
        String memberId,
        OffsetDateTime windowStart,
        OffsetDateTime windowEnd) {

    public static final EventType<CheckpointMissed> TYPE =
            new EventType<>("CheckpointMissed", Topics.PATROL_PLANS, 1, CheckpointMissed.class);
}
