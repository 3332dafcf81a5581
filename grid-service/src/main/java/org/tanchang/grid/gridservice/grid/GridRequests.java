package org.tanchang.grid.gridservice.grid;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tanchang.grid.platform.web.OpenApiSchemas;
import tools.jackson.databind.JsonNode;

/** What an administrator sends to define or change a grid; separate from the stored document. */
final class GridRequests {

    static final String BOUNDARY_EXAMPLE = "{\"type\":\"Polygon\",\"coordinates\":[[[104.36,34.03],[104.40,34.03],"
            + "[104.40,34.07],[104.36,34.07],[104.36,34.03]]]}";

    /** The platform's GeoJSON Polygon-or-MultiPolygon schema: without it a JSON tree is documented as a string. */
    static final String BOUNDARY_SCHEMA = OpenApiSchemas.BOUNDARY_REF;

    private GridRequests() {
    }

    @Schema(description = "The officer responsible for the grid (责任区民警)")
    record OfficerInput(
            @Schema(example = "officer.lichuan") @NotBlank @Size(max = 64) String id,
            @Schema(example = "王建国（理川派出所民警）") @NotBlank @Size(max = 50) String name) {
    }

    @Schema(description = "A new grid in an existing village or community")
    record CreateGrid(
            @Schema(description = "15 digits: the village's 12 + a 3-digit sequence", example = "621223101001003")
            @NotNull @Pattern(regexp = "\\d{15}", message = "must be a 15-digit grid code") String code,
            @Schema(example = "杨家村第三网格") @NotBlank @Size(max = 50) String name,
            @Schema(description = "GeoJSON Polygon or MultiPolygon, WGS 84, longitude first", ref = BOUNDARY_SCHEMA,
                    example = BOUNDARY_EXAMPLE) @NotNull JsonNode boundary,
            @Valid OfficerInput responsibleOfficer) {
    }

    @Schema(description = "Changes to a grid; absent fields stay as they are")
    record UpdateGrid(
            @Schema(example = "杨家村第一网格") @Size(min = 1, max = 50) String name,
            @Schema(description = "GeoJSON Polygon or MultiPolygon, WGS 84", ref = BOUNDARY_SCHEMA,
                    example = BOUNDARY_EXAMPLE) JsonNode boundary,
            @Valid OfficerInput responsibleOfficer,
            @Schema(description = "false retires the grid; it is then never located") Boolean active,
            @Schema(description = "The version the change is based on; a stale one is refused with 409", example = "1")
            Long version) {
    }
}
