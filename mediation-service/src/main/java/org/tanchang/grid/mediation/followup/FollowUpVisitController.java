package org.tanchang.grid.mediation.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.ProblemExamples;

@RestController
@RequestMapping("/api/follow-up-visits")
@Tag(name = "Follow-up visits", description = "Follow-up visits (回访) to the parties of a dispute: a dispute is "
        + "not closed while a party is dissatisfied (三个不放)")
class FollowUpVisitController {

    private final FollowUpVisits visits;

    FollowUpVisitController(FollowUpVisits visits) {
        this.visits = visits;
    }

    @GetMapping
    @Operation(summary = "List follow-up visits", description = "Soonest due first, optionally of one grid, dispute "
            + "or patrol report, in one status, or due before a county day (exclusive), e.g. to plan the week.")
    @ApiResponse(responseCode = "200", description = "A page of visits")
    @ApiResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ProblemExamples.VALIDATION)))
    Page<FollowUpVisitView> list(
            @Parameter(description = "15-digit grid code", example = "621223101001001")
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
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, at most 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return visits.list(new FollowUpVisits.Filter(gridCode, disputeId, patrolReportId, status, dueBefore), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a follow-up visit", description = "One visit by its id.")
    @ApiResponse(responseCode = "200", description = "The visit")
    @ApiResponse(responseCode = "404", description = "No such visit", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
    FollowUpVisitView get(
            @Parameter(example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0-visit-1") @PathVariable String id) {
        return visits.get(id);
    }
}
