package org.tanchang.grid.gridservice.prevention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.gridservice.ProblemResponses.BadRequest;
import org.tanchang.grid.gridservice.ProblemResponses.NotFound;
import org.tanchang.grid.gridservice.ProblemResponses.Unprocessable;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;

/** Community police offices, rural persuasion stations, scenic spots, work units and key sites on the map. */
@RestController
@RequestMapping("/api/prevention-units")
@Tag(name = "Prevention units", description = "Police posts and the basic units of prevention, linked to grids")
class PreventionUnitController {

    private final PreventionUnits units;

    PreventionUnitController(PreventionUnits units) {
        this.units = units;
    }

    @PostMapping
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createPreventionUnit",
            summary = "Place a unit", description = "Places a police post or prevention unit; it is linked to the "
            + "grid holding its location, which must lie in the caller's area.")
    @ApiResponse(responseCode = "201", description = "The unit was placed")
    @BadRequest("Invalid unit; nothing was stored")
    @Unprocessable("The location lies in no grid")
    ResponseEntity<PreventionUnitView> create(Caller caller, @Valid @RequestBody CreateUnit request) {
        PreventionUnitView unit = PreventionUnitView.of(units.create(caller, caller.subject(), request));
        return ResponseEntity.created(URI.create("/api/prevention-units/" + unit.id())).body(unit);
    }

    @PutMapping("/{id}")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "updatePreventionUnit",
            summary = "Update a unit", description = "Replaces a unit of the caller's area (kind, name, place, "
            + "contact); a new place links it to the grid holding it, which must lie in the caller's area too.")
    @ApiResponse(responseCode = "200", description = "The unit as now recorded")
    @BadRequest("Invalid unit; nothing was changed")
    @NotFound("No such unit in the caller's area")
    @Unprocessable("The new place lies in no grid")
    PreventionUnitView update(Caller caller,
            @Parameter(example = "pu-5f0c6a1e-0b7e-4a43-9a43-3f2b8f1f9a10") @PathVariable String id,
            @Valid @RequestBody CreateUnit request) {
        return PreventionUnitView.of(units.update(caller, id, request));
    }

    @GetMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listPreventionUnits",
            summary = "List units", description = "Police posts and prevention units of the caller's area, "
            + "optionally under an area code (township, village or grid) or of one kind.")
    @ApiResponse(responseCode = "200", description = "A page of units")
    @BadRequest("Invalid filter or paging")
    Page<PreventionUnitView> list(Caller caller,
            @Parameter(example = "\"621223101\"") @RequestParam(required = false)
            @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}|\\d{15}") String areaCode,
            @Parameter(example = "COMMUNITY_POLICE_OFFICE") @RequestParam(required = false) UnitKind kind,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return units.list(caller, areaCode, kind, page, size);
    }
}
