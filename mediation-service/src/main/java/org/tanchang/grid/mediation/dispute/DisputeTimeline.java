package org.tanchang.grid.mediation.dispute;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What happened to a dispute, step by step: every action with its actor, time and remark, and the escalations. The
 * dispute itself carries the same entries; this is the light read for a follow-up screen or another system.
 */
@Schema(name = "DisputeTimeline", description = "The steps of one dispute, oldest first")
record DisputeTimeline(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0") String disputeId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The state now", example = "MEDIATING") DisputeState state,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Every step, oldest first") List<DisputeView.TimelineView> items) {
}
