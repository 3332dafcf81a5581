package org.tanchang.grid.gridservice.roster;

import org.tanchang.grid.gridservice.ProblemResponses.BadRequest;
import org.tanchang.grid.gridservice.ProblemResponses.Conflict;
import org.tanchang.grid.gridservice.ProblemResponses.NotFound;
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
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;

/** The three-level responsibility roster (三级责任) of each area, with its history. */
@RestController
@Tag(name = "Responsibility roster", description = "Who holds which post for a county, township, village or grid, "
        + "from when to when")
class RosterController {

    private static final String AREA = "\\d{6}|\\d{9}|\\d{12}|\\d{15}";

    private final Roster roster;

    RosterController(Roster roster) {
        this.roster = roster;
    }

    @PostMapping("/api/areas/{code}/roster")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "assignRosterPost",
            summary = "Assign a post", description = "Somebody takes up a post for an area of the caller's scope "
            + "from validFrom (to validTo). For posts one person holds at a time (configured; e.g. the responsible "
            + "officer) the previous holder's term ends the day before. Publishes RosterAssignmentChanged.")
    @ApiResponse(responseCode = "201", description = "The assignment was recorded")
    @BadRequest("Invalid assignment; nothing was stored")
    @NotFound("No such area")
    @Conflict("The previous holder's assignment changed meanwhile")
    ResponseEntity<RosterView> assign(Caller caller,
            @Parameter(example = "\"621223101001001\"") @PathVariable @Pattern(regexp = AREA) String code,
            @Valid @RequestBody RosterRequests.Assign request) {
        RosterView created = roster.assign(caller, code, request);
        return ResponseEntity.created(URI.create("/api/roster-assignments/" + created.id())).body(created);
    }

    @GetMapping("/api/areas/{code}/roster")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.MEDIATOR, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(operationId = "getAreaRoster",
            summary = "Read the roster", description = "The posts of an area of the caller's scope: those held on "
            + "the day given by `on`, or the whole history without it, by post and start.")
    @ApiResponse(responseCode = "200", description = "A page of the assignments")
    @BadRequest("Invalid code or date")
    @NotFound("No such area in the caller's scope")
    Page<RosterView> read(Caller caller,
            @Parameter(example = "\"621223101001001\"") @PathVariable @Pattern(regexp = AREA) String code,
            @Parameter(description = "The day asked about (county time)", example = "2026-01-04")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return Page.slice(roster.roster(caller, code, on), page, size);
    }

    @PostMapping("/api/roster-assignments/{id}/end")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "endRosterAssignment",
            summary = "End a term", description = "Sets the last day of an assignment of the caller's scope. "
            + "Publishes RosterAssignmentChanged with a higher version.")
    @ApiResponse(responseCode = "200", description = "The changed assignment")
    @BadRequest("Invalid date; nothing was stored")
    @NotFound("No such assignment in the caller's scope")
    @Conflict("The assignment changed meanwhile")
    RosterView end(Caller caller, @PathVariable String id, @Valid @RequestBody RosterRequests.End request) {
        return roster.end(caller, id, request.validTo());
    }
}
