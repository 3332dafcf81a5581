package org.tanchang.grid.petition.request;

import org.tanchang.grid.petition.request.ProblemResponses.BadRequest;
import org.tanchang.grid.platform.web.Page;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;

@RestController
@Tag(name = "Service levels", description = "On-time rates of the one window for the command centre (综治中心)")
class ServiceLevelController {

    enum GroupBy { ITEM, UNIT, STATION, WINDOW, CHANNEL }

    @Schema(name = "OnTimeRate", description = "Of the work in the caller's area (requests and the tasks of "
            + "\"one thing\" bundles): how many were measured and how many met the promise (an open one already past "
            + "its due time counts as late), and the citizens' ratings")
    record OnTimeRate(@Schema(example = "HR-BIRTH") String key, long firstResponses, long firstResponsesOnTime,
            Double firstResponseOnTimeRate, long completions, long completionsOnTime, Double completionOnTimeRate,
            @Schema(description = "Rated requests") long ratings,
            @Schema(description = "Mean rating, 1 to 5 (satisfaction)", example = "4.5") Double averageRating) {
    }

    private final MongoOperations mongo;
    private final List<CompletionSource> sources;
    private final Clock clock;

    ServiceLevelController(MongoOperations mongo, List<CompletionSource> sources, Clock clock) {
        this.mongo = mongo;
        this.sources = sources;
        this.clock = clock;
    }

    @GetMapping("/api/service-levels")
    @Allowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.WINDOW_CLERK})
    @Operation(operationId = "listServiceLevels", summary = "On-time rates", description = "First response and completion on time, and the citizens' "
            + "ratings, per item, responsible unit, station (the applicant's township), handling window or channel "
            + "(WINDOW, APP, HOTLINE, OTHER_SYSTEM; BUNDLE for bundle tasks), over the work in the caller's area: "
            + "requests, and each task of an accepted bundle against its item's promised time (completion only).")
    @ApiResponse(responseCode = "200", description = "A page of rates, one per group, ordered by key")
    @BadRequest("Unknown groupBy")
    Page<OnTimeRate> rates(Caller caller,
            @Parameter(example = "ITEM") @RequestParam(defaultValue = "ITEM") GroupBy groupBy,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Query query = Query.query(RequestStore.visibleTo(caller));
        query.fields().include("itemCode", "responsibleUnit", "stationCode", "windowCode", "channel", "submittedAt",
                "firstResponseDueAt", "firstResponseAt", "completionDueAt", "completedAt", "state", "rating");
        Function<ServiceRequest, String> key = switch (groupBy) {
            case ITEM -> r -> r.itemCode;
            case UNIT -> r -> r.responsibleUnit;
            case STATION -> r -> r.stationCode;
            case WINDOW -> RequestStore::windowOf;
            case CHANNEL -> r -> r.channel == null ? null : r.channel.name();
        };
        Function<CompletionSource.Completion, String> workKey = switch (groupBy) {
            case ITEM -> CompletionSource.Completion::itemCode;
            case UNIT -> CompletionSource.Completion::unit;
            case STATION -> CompletionSource.Completion::station;
            case WINDOW -> CompletionSource.Completion::window;
            case CHANNEL -> CompletionSource.Completion::channel;
        };
        Instant now = clock.instant();
        // per key: first responses, on time; completions, on time; ratings, their sum
        Map<String, long[]> counts = new TreeMap<>();
        for (ServiceRequest r : mongo.find(query, ServiceRequest.class)) {
            long[] c = counts.computeIfAbsent(String.valueOf(key.apply(r)), k -> new long[6]);
            count(c, 0, r.firstResponseAt, r.firstResponseDueAt, now);
            count(c, 2, r.completedAt, r.completionDueAt, now);
            if (r.rating != null) {
                c[4]++;
                c[5] += r.rating;
            }
        }
        for (CompletionSource source : sources) {
            for (CompletionSource.Completion work : source.completions(caller)) {
                if (work.dueAt() == null) {
                    continue;   // a task from before tasks carried their promise: nothing to measure against
                }
                count(counts.computeIfAbsent(String.valueOf(workKey.apply(work)), k -> new long[6]), 2,
                        work.completedAt(), work.dueAt(), now);
            }
        }
        return Page.slice(counts.entrySet().stream().map(e -> new OnTimeRate(e.getKey(), e.getValue()[0],
                e.getValue()[1], rate(e.getValue()[1], e.getValue()[0]), e.getValue()[2], e.getValue()[3],
                rate(e.getValue()[3], e.getValue()[2]), e.getValue()[4],
                e.getValue()[4] == 0 ? null : Math.round(e.getValue()[5] * 100.0 / e.getValue()[4]) / 100.0))
                .toList(), page, size);
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
