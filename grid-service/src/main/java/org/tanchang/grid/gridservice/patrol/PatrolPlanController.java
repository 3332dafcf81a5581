package org.tanchang.grid.gridservice.patrol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

/** Patrol plans: a member, a window, the points and routes to cover; progress comes from the member's reports. */
@RestController
@RequestMapping("/api/patrol-plans")
@Tag(name = "Patrol design", description = "Must-visit points, must-patrol routes and patrol plans")
class PatrolPlanController {

    private final PatrolPlans plans;

    PatrolPlanController(PatrolPlans plans) {
        this.plans = plans;
    }

    @PostMapping
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createPatrolPlan",
            summary = "Plan a patrol", description = "Assigns points and routes of one grid of the caller's area "
            + "to a member for a window. Reports the member submits for that grid during the window record the points "
            + "reached and the share of each route walked; when the window closes, CheckpointMissed is published once "
            + "for every point left unvisited.")
    @ApiResponse(responseCode = "201", description = "The plan was made")
    @BadRequest("Invalid plan (window, empty plan); nothing was stored")
    @Unprocessable("A point or route does not exist in the grid")
    ResponseEntity<PatrolDesignViews.PlanView> create(Caller caller,
            @Valid @RequestBody PatrolDesignRequests.CreatePlan request) {
        var plan = PatrolDesignViews.PlanView.of(plans.createPlan(caller, request));
        return ResponseEntity.created(URI.create("/api/patrol-plans/" + plan.id())).body(plan);
    }

    @GetMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listPatrolPlans",
            summary = "List patrol plans", description = "Plans of the caller's area, newest first, optionally "
            + "of one grid or member.")
    @ApiResponse(responseCode = "200", description = "A page of plans")
    @BadRequest("Invalid filter or paging")
    Page<PatrolDesignViews.PlanView> list(Caller caller,
            @Parameter(example = "\"621223101001001\"") @RequestParam(required = false) @Pattern(regexp = "\\d{15}") String gridCode,
            @Parameter(example = "member.yangjia") @RequestParam(required = false) @Size(max = 64) String memberId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return plans.list(caller, PatrolDesign.Plan.class, gridCode, memberId, page, size,
                PatrolDesignViews.PlanView::of);
    }

    @GetMapping("/{id}")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getPatrolPlan",
            summary = "Get a patrol plan", description = "A plan of the caller's area with the points reached, "
            + "the best share walked of each route, and once closed the points missed.")
    @ApiResponse(responseCode = "200", description = "The plan")
    @NotFound("No such plan in the caller's area")
    PatrolDesignViews.PlanView get(Caller caller, @PathVariable String id) {
        return PatrolDesignViews.PlanView.of(plans.plan(caller, id));
    }
}
