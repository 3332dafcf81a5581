package org.tanchang.grid.gridservice.grid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.ProblemException;

/**
 * The map of the county. Every signed-in role ({@link Roles#ALL}) may read all of it whatever its own area: apps
 * need it to pick and name grids (a citizen's request, a hand-over to a neighbouring township), and it holds no
 * residents' data, only the grids and the officer responsible for each.
 */
@RestController
@Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
        Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM})
@RequestMapping("/api/grids")
@Tag(name = "Grids", description = "Governance grids (网格) of the county and their responsible officers")
class GridController {

    private final GridDirectory grids;

    GridController(GridDirectory grids) {
        this.grids = grids;
    }

    @GetMapping
    @Operation(summary = "List grids", description = "All grids, optionally of one township or village, by code.")
    @ApiResponse(responseCode = "200", description = "The grids, sorted by code")
    @ApiResponse(responseCode = "400", description = "A filter is not a valid code",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "No valid access token",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "The token carries none of the suite's roles",
            content = @Content(mediaType = "application/problem+json"))
    List<Grid> list(
            @Parameter(description = "9-digit township code", example = "621223101")
            @RequestParam(required = false) @Pattern(regexp = "\\d{9}") String townshipCode,
            @Parameter(description = "12-digit village code", example = "621223101001")
            @RequestParam(required = false) @Pattern(regexp = "\\d{12}") String villageCode) {
        return grids.list(townshipCode, villageCode);
    }

    @GetMapping("/{code}")
    @Operation(summary = "Get a grid", description = "One grid by its 15-digit code.")
    @ApiResponse(responseCode = "200", description = "The grid")
    @ApiResponse(responseCode = "401", description = "No valid access token",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "The token carries none of the suite's roles",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such grid",
            content = @Content(mediaType = "application/problem+json"))
    Grid get(@Parameter(example = "621223101001001") @PathVariable String code) {
        return grids.find(code).orElseThrow(() -> ProblemException.notFound("Grid", code));
    }
}
