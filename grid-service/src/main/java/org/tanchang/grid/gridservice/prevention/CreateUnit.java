package org.tanchang.grid.gridservice.prevention;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A police post or prevention unit to place on the map; the grid is found from the location. */
@Schema(description = "A police post or prevention unit; it is linked to the grid holding its location")
record CreateUnit(
        @Schema(example = "COMMUNITY_POLICE_OFFICE") @NotNull UnitKind kind,
        @Schema(example = "杨家村社区警务室") @NotBlank @Size(max = 50) String name,
        @Schema(example = "104.39") @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Schema(example = "34.05") @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @Schema(example = "王建国") @Size(max = 50) String contactName) {
}
