package org.tanchang.grid.gridservice.warning;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of the warning's steps. */
final class WarningRequests {

    private WarningRequests() {
    }

    @Schema(description = "An optional remark on the step")
    record Remark(@Schema(example = "已转理川镇综治中心研判") @Size(max = 500) String remark) {
    }

    @Schema(description = "What was done about the risk")
    record Handling(@Schema(example = "镇村干部入户走访12户药农，协调收购商按市场价收购，情绪已平稳") @NotBlank @Size(max = 1000)
            String handling) {
    }
}
