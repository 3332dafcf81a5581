package org.tanchang.grid.gridservice.statistics;

import org.tanchang.grid.gridservice.ProblemResponses.BadRequest;
import org.tanchang.grid.gridservice.ProblemResponses.NotFound;
import org.tanchang.grid.platform.web.Page;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.gridservice.grid.GridDirectory;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.ProblemException;

@RestController
@RequestMapping("/api/grid-statistics")
@Tag(name = "Grid statistics", description = "Patrol reports and findings per grid, counted from the events")
class GridStatisticsController {

    private final GridStatistics statistics;
    private final GridDirectory grids;
    private final Clock clock;

    GridStatisticsController(GridStatistics statistics, GridDirectory grids, Clock clock) {
        this.statistics = statistics;
        this.grids = grids;
        this.clock = clock;
    }

    @GetMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listGridStatistics",
            summary = "Totals per grid", description = "Reports and findings per grid of the caller's area in a "
            + "period of at most 366 days (default: the last 30 days, county time), optionally of one township.")
    @ApiResponse(responseCode = "200", description = "A page of entries, one per grid in the caller's area that had any report in "
            + "the period")
    @BadRequest("Invalid period or code")
    Page<GridStatistics.GridTotals> list(Caller caller,
            @Parameter(example = "\"621223101\"") @RequestParam(required = false) @Pattern(regexp = "\\d{9}") String townshipCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        DayRange days = DayRange.of(from, to, clock);
        LocalDate start = days.start();
        LocalDate end = days.end();
        return Page.slice(statistics.totals(caller, null, townshipCode, start, end), page, size);
    }

    @GetMapping("/{gridCode}")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getGridStatistics",
            summary = "Totals of one grid", description = "Reports and findings of one grid of the caller's "
            + "area in a period (default: the last 30 days). A grid with no reports has zero totals.")
    @ApiResponse(responseCode = "200", description = "The grid's totals")
    @BadRequest("Invalid code or period")
    @NotFound("No such grid in the caller's area")
    GridStatistics.GridTotals grid(Caller caller,
            @Parameter(example = "\"621223101001001\"") @PathVariable @Pattern(regexp = "\\d{15}") String gridCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        DayRange days = DayRange.of(from, to, clock);
        LocalDate start = days.start();
        LocalDate end = days.end();
        // a grid outside the caller's area answers exactly like one that does not exist (the suite's rule for objects
        // out of scope); the query below carries the area condition as well, and a grid without reports has zeros
        String townshipCode = grids.find(gridCode).filter(grid -> Visibility.sees(caller, grid.code(), null))
                .orElseThrow(() -> ProblemException.notFound("Grid", gridCode)).townshipCode();
        return statistics.totals(caller, gridCode, null, start, end).stream().findFirst()
                .orElse(new GridStatistics.GridTotals(gridCode, townshipCode, start, end, 0, Map.of()));
    }
}
