package org.tanchang.grid.gridservice.statistics;

import org.tanchang.grid.platform.web.Page;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;

/** The command centre's figures (综治中心): per area and period with trends, and the assessment of each member. */
@RestController
@Tag(name = "Statistics and assessment", description = "Figures per county, township, village and grid per day, "
        + "week and month, built from the events of every service; and the per-member assessment")
class CommandCentreController {

    private static final int MAX_DAYS = 366;

    private final AreaStatistics areas;
    private final MemberAssessments assessments;
    private final Clock clock;

    CommandCentreController(AreaStatistics areas, MemberAssessments assessments, Clock clock) {
        this.areas = areas;
        this.assessments = assessments;
        this.clock = clock;
    }

    @GetMapping("/api/area-statistics/{areaCode}")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getAreaStatistics",
            summary = "Figures of an area", description = "Patrols, coverage, checkpoints missed, incidents "
            + "opened, resolved and closed, disputes opened, resolved (agreed), fulfilled, closed and by state, "
            + "follow-up visits and satisfaction, requests submitted, completed, refused and closed, deadlines and "
            + "ratings of a county, township, village or grid of the caller's area for the day, week (Monday to "
            + "Sunday) or month holding `on` (default today, county time), with the previous period, the trend of "
            + "each counter (e.g. disputes DOWN month on month) and the same counters per child area.")
    @ApiResponse(responseCode = "200", description = "The figures")
    @ApiResponse(responseCode = "400", description = "Invalid code, period or date",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "No valid access token",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "The role may not read the command centre's figures",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such area in the caller's scope",
            content = @Content(mediaType = "application/problem+json"))
    AreaFigures area(Caller caller,
            @Parameter(example = "\"621223101\"") @PathVariable @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}|\\d{15}")
            String areaCode,
            @Parameter(example = "MONTH") @RequestParam(defaultValue = "MONTH") Period period,
            @Parameter(example = "2026-01-04") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return areas.figures(caller, areaCode, period, on == null ? LocalDate.now(clock) : on, StatisticsStore.LIVE);
    }

    @GetMapping("/api/member-assessments")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listMemberAssessments",
            summary = "Assess members", description = "Per member who worked in the caller's areas in the period "
            + "(default: the last 30 days): their counters (reports, findings, checkpoints reached and missed, "
            + "follow-up visits, satisfied parties, workflow steps taken) and the score with the configured weights, "
            + "best first.")
    @ApiResponse(responseCode = "200", description = "A page of the assessments, best score first")
    @ApiResponse(responseCode = "400", description = "Invalid period or grid",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "No valid access token",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "The role may not read assessments",
            content = @Content(mediaType = "application/problem+json"))
    Page<MemberAssessments.Assessment> members(Caller caller,
            @Parameter(example = "\"621223101001001\"") @RequestParam(required = false) @Pattern(regexp = "\\d{15}")
            String gridCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ProblemException.invalid(List.of(new FieldError("from",
                    "must not be after to, and the period is at most " + MAX_DAYS + " days")));
        }
        return Page.slice(assessments.assess(caller, gridCode, start, end), page, size);
    }
}
