package org.tanchang.grid.mediation.followup;

import io.swagger.v3.oas.annotations.media.Schema;

/** Who makes a follow-up visit: for now the grid's responsible officer (责任区民警) named in the patrol event. */
@Schema(description = "Who makes the visit")
public record Assignee(
        @Schema(description = "Officer id", example = "officer-lichuan-01") String id,
        @Schema(description = "Officer name", example = "王建军") String name) {
}
