package org.tanchang.grid.gridservice.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.gridservice.ProblemResponses.Conflict;
import org.tanchang.grid.gridservice.ProblemResponses.NotFound;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Repairs the statistics by rebuilding them from the topics of every service. The read models cover the whole
 * county, so only a county-wide administrator may rebuild them or follow a rebuild.
 */
@RestController
@RequestMapping("/api/statistics/rebuild")
@Tag(name = "Statistics and assessment")
class StatisticsRebuildController {

    private final StatisticsRebuilds rebuilds;

    StatisticsRebuildController(StatisticsRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "startStatisticsRebuild",
            summary = "Rebuild the statistics", description = "Starts rebuilding every statistics read model "
            + "(grid days, member days) from the first offset of every topic they are fed by, into fresh collections "
            + "that then replace the live ones; events arriving meanwhile are applied after the swap, so none is lost "
            + "or counted twice. Answers at once with the rebuild's progress and its address; while a rebuild runs, "
            + "asking again answers with the running one.")
    @ApiResponse(responseCode = "202", description = "The rebuild started (or was already running); follow it at the "
            + "Location")
    @Conflict("Another instance is starting a rebuild this instant; ask again")
    ResponseEntity<RebuildProgress> start(Caller caller) {
        requireCountyScope(caller);
        RebuildProgress progress = rebuilds.start(caller.subject());
        return ResponseEntity.accepted().location(URI.create("/api/statistics/rebuild/" + progress.id()))
                .body(progress);
    }

    @GetMapping("/{id}")
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "getStatisticsRebuild",
            summary = "Progress of a rebuild", description = "The state of a rebuild (REPLAYING, PROMOTING, DONE "
            + "or FAILED with the reason), the records to replay and replayed so far, and those applied after the "
            + "swap.")
    @ApiResponse(responseCode = "200", description = "The progress")
    @NotFound("No such rebuild")
    RebuildProgress progress(Caller caller,
            @Parameter(example = "5f0c6a1e-0b7e-4a43-9a43-3f2b8f1f9a10") @PathVariable String id) {
        requireCountyScope(caller);
        return rebuilds.find(id).orElseThrow(() -> ProblemException.notFound("Statistics rebuild", id));
    }

    private static void requireCountyScope(Caller caller) {
        if (caller.scope().codes().stream().noneMatch(code -> code.length() == 6)) {
            throw ProblemException.forbidden("The statistics cover the whole county: only a county-wide "
                    + "administrator may rebuild them");
        }
    }
}
