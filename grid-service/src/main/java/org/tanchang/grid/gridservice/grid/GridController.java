package org.tanchang.grid.gridservice.grid;

import org.tanchang.grid.gridservice.ProblemResponses.BadRequest;
import org.tanchang.grid.gridservice.ProblemResponses.Conflict;
import org.tanchang.grid.gridservice.ProblemResponses.NotFound;
import org.tanchang.grid.gridservice.ProblemResponses.Unprocessable;
import org.tanchang.grid.platform.web.Page;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * The map of the county. Every signed-in role ({@link Roles#ALL}) may read all of it whatever its own area: apps
 * need it to pick and name grids (a citizen's request, a hand-over to a neighbouring township), and it holds no
 * residents' data, only the grids and the officer responsible for each.
 */
@RestController
@RequestMapping("/api/grids")
@Tag(name = "Grids", description = "Governance grids (网格) of the county and their responsible officers")
class GridController {

    private final GridDirectory grids;
    private final GridAdmin admin;

    GridController(GridDirectory grids, GridAdmin admin) {
        this.grids = grids;
        this.admin = admin;
    }

    @GetMapping
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.GRID_READ)
    @Operation(operationId = "listGrids",
            summary = "List grids", description = "All grids, optionally of one township or village, by code.")
    @ApiResponse(responseCode = "200", description = "A page of the grids, sorted by code")
    @BadRequest("A filter is not a valid code")
    Page<GridView> list(
            @Parameter(description = "9-digit township code", example = "\"621223101\"")
            @RequestParam(required = false) @Pattern(regexp = "\\d{9}") String townshipCode,
            @Parameter(description = "12-digit village code", example = "\"621223101001\"")
            @RequestParam(required = false) @Pattern(regexp = "\\d{12}") String villageCode,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return Page.slice(grids.list(townshipCode, villageCode).stream().map(GridView::of).toList(), page, size);
    }

    @GetMapping("/{code}")
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.GRID_READ)
    @Operation(operationId = "getGrid",
            summary = "Get a grid", description = "One grid by its 15-digit code.")
    @ApiResponse(responseCode = "200", description = "The grid")
    @NotFound("No such grid")
    GridView get(@Parameter(example = "\"621223101001001\"") @PathVariable String code) {
        return grids.find(code).map(GridView::of).orElseThrow(() -> ProblemException.notFound("Grid", code));
    }

    @PostMapping
    @Allowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createGrid",
            summary = "Define a grid", description = "Adds a grid to an existing village with its boundary "
            + "(GeoJSON Polygon or MultiPolygon, WGS 84, closed and simple). The grid must lie in the caller's area "
            + "and may not overlap a sibling grid beyond the configured tolerance. Publishes GridChanged (version 1).")
    @ApiResponse(responseCode = "201", description = "The grid was defined")
    @BadRequest("Invalid code, name or boundary (the message says what is "
            + "wrong with the boundary); nothing was stored")
    @Conflict("The code exists, or the boundary overlaps a sibling grid "
            + "(named in overlappingGrid)")
    @Unprocessable("The village does not exist")
    ResponseEntity<GridView> create(Caller caller, @Valid @RequestBody GridRequests.CreateGrid request) {
        GridView created = admin.create(caller, request);
        return ResponseEntity.created(URI.create("/api/grids/" + created.code())).body(created);
    }

    @PutMapping("/{code}")
    @Allowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "updateGrid",
            summary = "Change a grid", description = "Renames, re-bounds, re-assigns the responsible officer or "
            + "retires (active=false) a grid of the caller's area. Fields left out stay as they are; with version "
            + "the change is refused if the grid changed meanwhile. Publishes GridChanged with a higher version.")
    @ApiResponse(responseCode = "200", description = "The changed grid")
    @BadRequest("Invalid name or boundary; nothing was stored")
    @NotFound("No such grid in the caller's area")
    @Conflict("Stale version, or the boundary overlaps a sibling grid")
    GridView update(Caller caller, @Parameter(example = "\"621223101001001\"") @PathVariable String code,
            @Valid @RequestBody GridRequests.UpdateGrid request) {
        return admin.update(caller, code, request);
    }
}
