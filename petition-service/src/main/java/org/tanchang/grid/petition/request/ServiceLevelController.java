package org.tanchang.grid.petition.request;

import org.tanchang.grid.platform.web.Page;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;

@RestController
@Tag(name = "Service levels", description = "On-time rates of the one window for the command centre (综治中心)")
class ServiceLevelController {

    enum GroupBy { ITEM, UNIT, STATION }

    @Schema(name = "OnTimeRate", description = "Of the requests in the caller's area: how many were measured and how "
            + "many met the promise; an open request already past its due time counts as late")
    record OnTimeRate(@Schema(example = "HR-BIRTH") String key, long firstResponses, long firstResponsesOnTime,
            Double firstResponseOnTimeRate, long completions, long completionsOnTime, Double completionOnTimeRate) {
    }

    private final MongoOperations mongo;
    private final Clock clock;

    ServiceLevelController(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping("/api/service-levels")
    @Allowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.WINDOW_CLERK})
    @Operation(summary = "On-time rates", description = "First response and completion on time per item, "
            + "responsible unit or station (township), over the requests in the caller's area.")
    @ApiResponse(responseCode = "200", description = "A page of rates, one per group, ordered by key")
    @ApiResponse(responseCode = "400", description = "Unknown groupBy",
            content = @Content(mediaType = Docs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Docs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = Docs.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Docs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Page<OnTimeRate> rates(Caller caller,
            @Parameter(example = "ITEM") @RequestParam(defaultValue = "ITEM") GroupBy groupBy,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Query query = Query.query(RequestStore.visibleTo(caller));
        query.fields().include("itemCode", "responsibleUnit", "stationCode", "submittedAt", "firstResponseDueAt",
                "firstResponseAt", "completionDueAt", "completedAt", "state");
        Function<ServiceRequest, String> key = switch (groupBy) {
            case ITEM -> r -> r.itemCode;
            case UNIT -> r -> r.responsibleUnit;
            case STATION -> r -> r.stationCode;
        };
        Instant now = clock.instant();
        Map<String, long[]> counts = new TreeMap<>();
        for (ServiceRequest r : mongo.find(query, ServiceRequest.class)) {
            long[] c = counts.computeIfAbsent(key.apply(r), k -> new long[4]);
            count(c, 0, r.firstResponseAt, r.firstResponseDueAt, now);
            count(c, 2, r.completedAt, r.completionDueAt, now);
        }
        return Page.slice(counts.entrySet().stream().map(e -> new OnTimeRate(e.getKey(), e.getValue()[0],
                e.getValue()[1], rate(e.getValue()[1], e.getValue()[0]), e.getValue()[2], e.getValue()[3],
                rate(e.getValue()[3], e.getValue()[2]))).toList(), page, size);
    }

    /** Ended measures count on time or late; an open one only once it is late. */
    private static void count(long[] c, int at, Instant end, Instant due, Instant now) {
        if (end != null) {
            c[at]++;
            if (!end.isAfter(due)) {
                c[at + 1]++;
            }
        } else if (due != null && now.isAfter(due)) {
            c[at]++;
        }
    }

    private static Double rate(long onTime, long total) {
        return total == 0 ? null : Math.round(onTime * 1000.0 / total) / 1000.0;
    }
}
