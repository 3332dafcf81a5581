package org.tanchang.grid.mediation.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.workflow.WorkflowStep;

@RestController
@RequestMapping("/api/follow-up-visits")
@Tag(name = "Follow-up visits", description = "Follow-up visits (回访) to the parties of a dispute: a dispute is "
        + "not closed while a party is dissatisfied (三个不放). Each caller sees the visits of the grids in their area.")
class FollowUpVisitController {


    private final FollowUpVisits visits;

    FollowUpVisitController(FollowUpVisits visits) {
        this.visits = visits;
    }

    @GetMapping
    @Allowed({Roles.MEDIATOR, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(operationId = "listFollowUpVisits",
            summary = "List follow-up visits", description = "Soonest due first, optionally of one grid, dispute "
            + "or patrol report, in one status, or due before a county day (exclusive), e.g. to plan the week; only "
            + "visits in the caller's area.")
    @ApiResponse(responseCode = "200", description = "A page of visits in the caller's area")
    Page<FollowUpVisitView> list(Caller caller,
            @Parameter(description = "15-digit grid code",
                    schema = @Schema(type = "string", pattern = "\\d{15}", example = "621223101001001"))
            @RequestParam(required = false) @Pattern(regexp = "\\d{15}") String gridCode,
            @Parameter(description = "The dispute visited about", example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0")
            @RequestParam(required = false) @Size(min = 1, max = 160) String disputeId,
            @Parameter(description = "The patrol report that found the dispute",
                    example = "pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c")
            @RequestParam(required = false) @Size(min = 1, max = 128) String patrolReportId,
            @Parameter(description = "Where the visit stands", example = "SCHEDULED")
            @RequestParam(required = false) FollowUpVisitStatus status,
            @Parameter(description = "Only visits due before this county day (exclusive), ISO date", example = "2026-05-16")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @Parameter(description = "true: only visits for which FollowUpVisitOverdue was raised", example = "true")
            @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, at most 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return visits.list(caller, new FollowUpVisits.Filter(gridCode, disputeId, patrolReportId, status, dueBefore,
                overdue),
                page, size);
    }

    @GetMapping("/{id}")
    @Allowed({Roles.MEDIATOR, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(operationId = "getFollowUpVisit",
            summary = "Get a follow-up visit", description = "One visit by its id. A visit outside the caller's "
            + "area is not found, exactly like one that does not exist.")
    @ApiResponse(responseCode = "200", description = "The visit")
    FollowUpVisitView get(Caller caller,
            @Parameter(example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0-visit-1") @PathVariable String id) {
        return visits.get(caller, id);
    }

    @PostMapping("/{id}/complete")
    @WorkflowStep(of = FollowUpVisitWorkflow.class, value = FollowUpVisitWorkflow.COMPLETE)
    @Operation(operationId = "completeFollowUpVisit",
            summary = "Record a follow-up visit", description = "Records who visited (from the token), when, the "
            + "party visited, whether they are satisfied and whether the hazard remains; publishes "
            + "FollowUpVisitCompleted. A visit that found dissatisfaction or a remaining hazard schedules the next "
            + "visit at once, and the dispute cannot be archived until a later visit of that party is satisfied.")
    @ApiResponse(responseCode = "200", description = "The visit with its outcome")
    FollowUpVisitView complete(Caller caller,
            @Parameter(example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0-visit-1") @PathVariable String id,
            @Valid @RequestBody CompleteVisit outcome) {
        return visits.complete(caller, id, outcome);
    }
}
