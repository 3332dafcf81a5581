package org.tanchang.grid.gridservice.grid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.gridservice.ProblemResponses.BadRequest;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;

/** Which grid, village and township hold a point: the map question every app asks. */
@RestController
@RequestMapping("/api/locate")
@Tag(name = "Grids", description = "Governance grids (网格) of the county and their responsible officers")
class LocateController {

    /** found=false with nulls is the answer for a point outside every grid: a fact about the map, not an error. */
    @Schema(description = "The grid holding a point; found=false and nulls outside every grid",
            requiredProperties = {"found", "longitude", "latitude"})
    record Located(boolean found, double longitude, double latitude, String gridCode, String gridName,
            String villageCode, String villageName, String townshipCode, String townshipName) {

        static Located of(double longitude, double latitude, GridArea a) {
            return a == null ? new Located(false, longitude, latitude, null, null, null, null, null, null)
                    : new Located(true, longitude, latitude, a.gridCode(), a.gridName(), a.villageCode(),
                            a.villageName(), a.townshipCode(), a.townshipName());
        }
    }

    private final GridLocator locator;

    LocateController(GridLocator locator) {
        this.locator = locator;
    }

    @GetMapping
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.GRID_READ)
    @Operation(operationId = "locateGrid",
            summary = "Locate a point", description = "The active grid holding a WGS 84 point, with its village "
            + "and township, from the in-memory spatial index. A point on a boundary line belongs to the grid (the "
            + "lower code where two grids share the line); a point in a hole of a grid is outside it. A point outside "
            + "every grid answers found=false.")
    @ApiResponse(responseCode = "200", description = "The grid holding the point, or found=false")
    @BadRequest("Missing or out-of-range coordinates")
    Located locate(
            @Parameter(example = "104.39") @RequestParam @DecimalMin("-180") @DecimalMax("180") double longitude,
            @Parameter(example = "34.04") @RequestParam @DecimalMin("-90") @DecimalMax("90") double latitude) {
        return Located.of(longitude, latitude, locator.locate(longitude, latitude).orElse(null));
    }
}
