package org.tanchang.grid.gridservice.care;

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
import org.tanchang.grid.gridservice.ProblemResponses.Conflict;
import org.tanchang.grid.gridservice.ProblemResponses.NotFound;
import org.tanchang.grid.gridservice.ProblemResponses.Unprocessable;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;

/**
 * Pairing members with the people who need care (结对关爱, 百万警进千万家): officers and supervisors pair and end, those
 * who work in the grid read the plans and record their visits; everything within the caller's area.
 */
@RestController
@RequestMapping("/api/care-plans")
@Tag(name = "Care plans", description = "Members paired with households needing care, their visits and missed visits")
class CarePlanController {

    private final CarePlans plans;

    CarePlanController(CarePlans plans) {
        this.plans = plans;
    }

    @PostMapping
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createCarePlan", summary = "Pair a member with a household needing care",
            description = "Pairs a grid member or officer with a household of a grid in the caller's area that "
            + "has care tags (elderly living alone, left-behind children, disability, community correction, ...). "
            + "Visits are due every frequencyDays (default: the most frequent need among the tags, from "
            + "configuration); the first is due that many days from today, moved to the next working day on the work "
            + "calendar. One active plan per household.")
    @ApiResponse(responseCode = "201", description = "The plan, with its first due day")
    @BadRequest("Invalid plan (e.g. a frequency above 90 days); nothing was stored")
    @Conflict("The household already has an active plan")
    @Unprocessable("No such household in the grid, or it has no care tags")
    ResponseEntity<CarePlanView> create(Caller caller, @Valid @RequestBody CareRequests.CreatePlan request) {
        CarePlanView created = plans.create(caller, request);
        return ResponseEntity.created(URI.create("/api/care-plans/" + created.id())).body(created);
    }

    @GetMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listCarePlans", summary = "List care plans",
            description = "Care plans of the caller's area, optionally of one grid or member, by state, or only those "
            + "overdue (a due visit was missed and none made since).")
    @ApiResponse(responseCode = "200", description = "A page of plans")
    @BadRequest("Invalid filter or paging")
    Page<CarePlanView> list(Caller caller,
            @Parameter(example = "\"621223101001001\"") @RequestParam(required = false) @Pattern(regexp = "\\d{15}")
            String gridCode,
            @Parameter(example = "member-yangjia-1") @RequestParam(required = false)
            @Pattern(regexp = CareRequests.USER_NAME) String memberId,
            @Parameter(example = "ACTIVE") @RequestParam(required = false) CarePlan.State state,
            @Parameter(example = "true") @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return plans.list(caller, gridCode, memberId, state, overdue, page, size);
    }

    @GetMapping("/{id}")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getCarePlan", summary = "Get a care plan",
            description = "A care plan of the caller's area: who visits, how often, the next due day and its flag, "
            + "missed visits and the number of visits made.")
    @ApiResponse(responseCode = "200", description = "The plan")
    @NotFound("No such plan in the caller's area")
    CarePlanView get(Caller caller, @PathVariable String id) {
        return plans.get(caller, id);
    }

    @PutMapping("/{id}")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "changeCarePlan", summary = "Change a care plan",
            description = "Pairs another member or changes the frequency (null: the tags' default) of an active plan "
            + "of the caller's area; the next due day is counted again from the last visit (or the plan's start), "
            + "never before today.")
    @ApiResponse(responseCode = "200", description = "The plan as now written")
    @BadRequest("Invalid change; nothing was changed")
    @NotFound("No such plan in the caller's area")
    @Conflict("The plan has ended, or was changed meanwhile")
    CarePlanView change(Caller caller, @PathVariable String id,
            @Valid @RequestBody CareRequests.ChangePlan request) {
        return plans.change(caller, id, request);
    }

    @PostMapping("/{id}/end")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "endCarePlan", summary = "End a care plan",
            description = "Ends the pairing (the person moved away, the child's parents came home, the correction "
            + "ended); no more visits fall due.")
    @ApiResponse(responseCode = "200", description = "The ended plan")
    @BadRequest("No reason given; nothing was changed")
    @NotFound("No such plan in the caller's area")
    @Conflict("The plan has already ended, or was changed meanwhile")
    CarePlanView end(Caller caller, @PathVariable String id, @Valid @RequestBody CareRequests.EndPlan request) {
        return plans.end(caller, id, request);
    }

    @PostMapping("/{id}/visits")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "recordCareVisit", summary = "Record a care visit",
            description = "A visit to the plan's household by the signed-in person: what was found, what was done, "
            + "whether something needs following up. The next visit falls due frequencyDays after it; a visit made "
            + "by the due day counts as on time. ID and mobile numbers in the texts are masked.")
    @ApiResponse(responseCode = "201", description = "The visit as recorded")
    @BadRequest("Invalid visit (e.g. dated in the future); nothing was stored")
    @NotFound("No such plan in the caller's area")
    @Conflict("The plan has ended, or was changed meanwhile")
    ResponseEntity<CareVisitView> visit(Caller caller, @PathVariable String id,
            @Valid @RequestBody CareRequests.RecordVisit request) {
        CareVisitView visit = plans.recordVisit(caller, id, request);
        return ResponseEntity.created(URI.create("/api/care-plans/" + id + "/visits/" + visit.id())).body(visit);
    }

    @GetMapping("/{id}/visits")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listCareVisits", summary = "List a plan's visits",
            description = "The visits of a care plan of the caller's area, latest first, from patrol findings and "
            + "recorded directly.")
    @ApiResponse(responseCode = "200", description = "A page of visits")
    @BadRequest("Invalid paging")
    @NotFound("No such plan in the caller's area")
    Page<CareVisitView> visits(Caller caller, @PathVariable String id,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return plans.visitsOf(caller, id, page, size);
    }
}
