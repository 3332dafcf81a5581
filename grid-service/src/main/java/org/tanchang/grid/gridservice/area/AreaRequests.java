package org.tanchang.grid.gridservice.area;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator sends to add or rename a node of the tree (grids have their own requests). */
final class AreaRequests {

    private AreaRequests() {
    }

    @Schema(description = "A township, village or community, or ten-household unit to add; the parent is the code "
            + "without its last three digits and must exist")
    record CreateArea(
            @Schema(example = "621223101003") @NotNull @Pattern(regexp = "\\d{9}|\\d{12}|\\d{18}",
                    message = "must be a 9-digit township, 12-digit village or 18-digit ten-household unit code")
            String code,
            @Schema(example = "上坪村") @NotBlank @Size(max = 50) String name) {
    }

    @Schema(description = "A new name for a node")
    record RenameArea(@Schema(example = "杨家村") @NotBlank @Size(max = 50) String name) {
    }
}
