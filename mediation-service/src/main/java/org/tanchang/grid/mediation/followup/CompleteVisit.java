package org.tanchang.grid.mediation.followup;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The outcome of a follow-up visit; who made it comes from the token. */
@Schema(description = "The outcome of a follow-up visit (回访)")
record CompleteVisit(
        @Schema(description = "County day of the visit", example = "2026-01-12") @NotNull LocalDate visitedOn,
        @Schema(description = "The party visited, as named in the dispute", example = "杨某某")
        @NotBlank @Size(max = 60) String partyName,
        @Schema(description = "Whether the party is satisfied with the outcome", example = "true") @NotNull Boolean satisfied,
        @Schema(description = "Whether the hazard behind the dispute remains (e.g. the cattle still graze unfenced)",
                example = "false") @NotNull Boolean hazardRemains,
        @Schema(description = "What was seen and said", example = "赔偿已全部到位，药农表示满意")
        @Size(max = 2000) String notes) {
}
