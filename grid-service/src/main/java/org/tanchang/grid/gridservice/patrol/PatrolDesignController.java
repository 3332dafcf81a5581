package org.tanchang.grid.gridservice.patrol;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.gridservice.ProblemResponses.BadRequest;
import org.tanchang.grid.gridservice.ProblemResponses.NotFound;
import org.tanchang.grid.gridservice.ProblemResponses.Unprocessable;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;

/** Must-visit points (必到点) and must-patrol routes (必巡线), designed by the officers of an area. */
@RestController
@Tag(name = "Patrol design", description = "Must-visit points, must-patrol routes and patrol plans")
class PatrolDesignController {

    private final PatrolPlans plans;

    PatrolDesignController(PatrolPlans plans) {
        this.plans = plans;
    }

    @PostMapping("/api/patrol-points")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createPatrolPoint",
            summary = "Add a must-visit point", description = "A point inside a grid of the caller's area with "
            + "the radius within which a patrol's track reaches it (default 50 m) and its key periods.")
    @ApiResponse(responseCode = "201", description = "The point was added")
    @BadRequest("Invalid point; nothing was stored")
    @Unprocessable("The location is not inside the grid")
    ResponseEntity<PatrolDesignViews.PointView> createPoint(Caller caller,
            @Valid @RequestBody PatrolDesignRequests.CreatePoint request) {
        var point = PatrolDesignViews.PointView.of(plans.createPoint(caller, request));
        return ResponseEntity.created(URI.create("/api/patrol-points/" + point.id())).body(point);
    }

    @PutMapping("/api/patrol-points/{id}")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "updatePatrolPoint",
            summary = "Change a must-visit point", description = "Replaces the name, place, radius and key "
            + "periods of a must-visit point of the caller's area. It stays in its grid, so the plans naming it remain "
            + "valid; reports from now on are measured against the new design.")
    @ApiResponse(responseCode = "200", description = "The must-visit point as now designed")
    @BadRequest("Invalid must-visit point; nothing was changed")
    @NotFound("No such must-visit point in the caller's area")
    @Unprocessable("The new place is not inside the point's "
            + "grid")
    PatrolDesignViews.PointView updatePoint(Caller caller, @PathVariable String id,
            @Valid @RequestBody PatrolDesignRequests.UpdatePoint request) {
        return PatrolDesignViews.PointView.of(plans.updatePoint(caller, id, request));
    }

    @GetMapping("/api/patrol-points")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listPatrolPoints",
            summary = "List must-visit points", description = "The points of the caller's area, newest first.")
    @ApiResponse(responseCode = "200", description = "A page of points")
    @BadRequest("Invalid filter or paging")
    Page<PatrolDesignViews.PointView> points(Caller caller,
            @Parameter(example = "\"621223101001001\"") @RequestParam(required = false) @Pattern(regexp = "\\d{15}") String gridCode,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return plans.list(caller, PatrolDesign.Point.class, gridCode, null, page, size,
                PatrolDesignViews.PointView::of);
    }

    @PostMapping("/api/patrol-routes")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createPatrolRoute",
            summary = "Add a must-patrol route", description = "A line (at least two positions) starting inside "
            + "a grid of the caller's area, with its key periods. Its length is computed in metres.")
    @ApiResponse(responseCode = "201", description = "The route was added")
    @BadRequest("Invalid route; nothing was stored")
    @Unprocessable("The route does not start inside the grid")
    ResponseEntity<PatrolDesignViews.RouteView> createRoute(Caller caller,
            @Valid @RequestBody PatrolDesignRequests.CreateRoute request) {
        var route = PatrolDesignViews.RouteView.of(plans.createRoute(caller, request));
        return ResponseEntity.created(URI.create("/api/patrol-routes/" + route.id())).body(route);
    }

    @PutMapping("/api/patrol-routes/{id}")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "updatePatrolRoute",
            summary = "Change a must-patrol route", description = "Replaces the name, line and key periods of "
            + "a must-patrol route of the caller's area. It stays in its grid, so the plans naming it remain valid; "
            + "reports from now on are measured against the new design.")
    @ApiResponse(responseCode = "200", description = "The must-patrol route as now designed")
    @BadRequest("Invalid must-patrol route; nothing was changed")
    @NotFound("No such must-patrol route in the caller's area")
    @Unprocessable("The new line does not start inside the "
            + "route's grid")
    PatrolDesignViews.RouteView updateRoute(Caller caller, @PathVariable String id,
            @Valid @RequestBody PatrolDesignRequests.UpdateRoute request) {
        return PatrolDesignViews.RouteView.of(plans.updateRoute(caller, id, request));
    }

    @GetMapping("/api/patrol-routes")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listPatrolRoutes",
            summary = "List must-patrol routes", description = "The routes of the caller's area, newest first.")
    @ApiResponse(responseCode = "200", description = "A page of routes")
    @BadRequest("Invalid filter or paging")
    Page<PatrolDesignViews.RouteView> routes(Caller caller,
            @Parameter(example = "\"621223101001001\"") @RequestParam(required = false) @Pattern(regexp = "\\d{15}") String gridCode,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return plans.list(caller, PatrolDesign.Route.class, gridCode, null, page, size,
                PatrolDesignViews.RouteView::of);
    }
}
