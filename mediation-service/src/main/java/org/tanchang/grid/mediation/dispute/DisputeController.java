package org.tanchang.grid.mediation.dispute;

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
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.mediation.AccessProblemExamples;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.ProblemExamples;

@RestController
@RequestMapping("/api/disputes")
@Tag(name = "Disputes", description = "Disputes between residents taken up for mediation (矛盾纠纷调解); a DISPUTE "
        + "finding of a patrol report opens one and schedules its first follow-up visit. Each caller sees the "
        + "disputes of the grids in their area.")
class DisputeController {

    private static final String PROBLEM = "application/problem+json";

    private final Disputes disputes;

    DisputeController(Disputes disputes) {
        this.disputes = disputes;
    }

    @GetMapping
    @Allowed({Roles.MEDIATOR, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(summary = "List disputes", description = "Newest first, optionally of one grid, in one state or from "
            + "one source reference (e.g. the patrol report that found them); only disputes in the caller's area. "
            + "Each DISPUTE finding of a patrol report appears here shortly after the report was submitted.")
    @ApiResponse(responseCode = "200", description = "A page of disputes in the caller's area")
    @ApiResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = ProblemExamples.VALIDATION)))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = AccessProblemExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", description = "The caller's role may not read disputes", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = AccessProblemExamples.FORBIDDEN)))
    Page<DisputeView> list(Caller caller,
            @Parameter(description = "15-digit grid code", example = "621223101001001")
            @RequestParam(required = false) @Pattern(regexp = "\\d{15}") String gridCode,
            @Parameter(description = "Step of the mediation procedure", example = "APPLIED")
            @RequestParam(required = false) DisputeState state,
            @Parameter(description = "Id of what the dispute came from, e.g. a patrol report id",
                    example = "pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c")
            @RequestParam(required = false) @Size(min = 1, max = 128) String sourceReference,
            @Parameter(description = "What the dispute is about", example = "LIVESTOCK_DAMAGE")
            @RequestParam(required = false) DisputeType type,
            @Parameter(description = "Who mediates now", example = "TOWNSHIP")
            @RequestParam(required = false) MediationLevel level,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, at most 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return disputes.list(caller, gridCode, state, sourceReference, type, level, page, size);
    }

    @GetMapping("/{id}")
    @Allowed({Roles.MEDIATOR, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(summary = "Get a dispute", description = "One dispute by its id. A dispute outside the caller's area "
            + "is not found, exactly like one that does not exist.")
    @ApiResponse(responseCode = "200", description = "The dispute")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = AccessProblemExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", description = "The caller's role may not read disputes", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = AccessProblemExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "404", description = "No such dispute in the caller's area", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
    DisputeView get(Caller caller,
            @Parameter(example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0") @PathVariable String id,
            @Parameter(description = "Show the parties' ID numbers and phones in the clear (roles of "
                    + "tanchang.security.unmask-roles only; audited)", example = "false")
            @RequestParam(defaultValue = "false") boolean unmask) {
        return disputes.get(caller, id, unmask);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Roles.MEDIATOR, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(summary = "Open a dispute (walk-in or case referral)", description = "A party came in person, or a "
            + "case is referred to mediation. The grid comes from the location when it lies in a known grid, else "
            + "from gridCode; it must be in the caller's area. Parties' ID numbers and phones are validated, stored "
            + "encrypted and shown masked. A dispute at the immediate risk goes to the township at once "
            + "(DisputeEscalated). Publishes DisputeOpened.")
    @ApiResponse(responseCode = "201", description = "The dispute, in state APPLIED; Location names it")
    @ApiResponse(responseCode = "400", description = "Invalid dispute; nothing stored", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = ProblemExamples.VALIDATION)))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = AccessProblemExamples.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", description = "Role not allowed, or the grid is outside the caller's area",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = AccessProblemExamples.FORBIDDEN)))
    DisputeView open(Caller caller, @Valid @RequestBody Requests.OpenDispute request, HttpServletResponse response) {
        DisputeView opened = disputes.openWalkIn(caller, request);
        response.setHeader("Location", "/api/disputes/" + opened.id());
        return opened;
    }
}
