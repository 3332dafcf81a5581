package org.tanchang.grid.petition.bundle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.contracts.petition.BundleTaskCompleted;
import org.tanchang.grid.petition.request.ProblemResponses.BadRequest;
import org.tanchang.grid.petition.request.ProblemResponses.Conflict;
import org.tanchang.grid.petition.request.ProblemResponses.NotFoundBare;
import org.tanchang.grid.petition.request.Windows;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;

@RestController
@Tag(name = "One-thing bundles")
class BundleTaskController {

    @Schema(name = "CompleteBundleTask", description = "The unit's outcome of one task")
    record Outcome(@Schema(example = "DONE") @NotNull @Pattern(regexp = "DONE|FAILED") String outcome,
            @Schema(example = "参保登记已完成") @Size(max = 500) String reason) {
    }

    enum TaskState { OPEN, DONE, FAILED }

    @Schema(name = "BundleTask", description = "A unit's work item of a bundle, with its promised time")
    record Task(@Schema(example = "bun-3f0c2a9e-1") String id, String bundleRequestId,
            @Schema(example = "621223-YJS-20261129-00001") String bundleNumber,
            @Schema(example = "SS-NEWBORN-INSURANCE") String itemCode, String itemName,
            @Schema(example = "宕昌县医疗保障局（经办窗口）") String responsibleUnit, String gridCode,
            @Schema(description = "The window handling the bundle", example = "621223101") String windowCode,
            @Schema(example = "5WD") String completionLimit, OffsetDateTime promisedBy,
            @Schema(description = "Open and past its promised time") boolean overdue,
            @Schema(example = "OPEN") TaskState state, String reason, String completedBy, OffsetDateTime completedAt) {

        static Task of(BundleTask t, Instant now) {
            TaskState state = t.outcome == null ? TaskState.OPEN : TaskState.valueOf(t.outcome);
            return new Task(t.id, t.bundleRequestId, t.bundleNumber, t.itemCode, t.itemName, t.responsibleUnit,
                    t.gridCode, t.windowCode, t.completionLimit, Times.local(t.promisedBy),
                    state == TaskState.OPEN && t.promisedBy != null && now.isAfter(t.promisedBy), state, t.reason,
                    t.completedBy, Times.local(t.completedAt));
        }
    }

    private final MongoOperations mongo;
    private final Outbox outbox;
    private final Clock clock;

    BundleTaskController(MongoOperations mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @GetMapping("/api/bundle-tasks")
    @Allowed({Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listBundleTasks", summary = "List bundle tasks", description = "A unit's queue: the tasks of the bundles the caller's "
            + "window handles (supervisors also those of their area's residents), by responsible unit, state and "
            + "item; the soonest promised first. Filters combine with AND.")
    @ApiResponse(responseCode = "200", description = "A page of tasks")
    @BadRequest("Invalid filter or paging")
    Page<Task> list(Caller caller,
            @Parameter(example = "宕昌县医疗保障局（经办窗口）") @RequestParam(required = false) @Size(max = 100) String unit,
            @Parameter(example = "OPEN") @RequestParam(required = false) TaskState state,
            @Parameter(example = "SS-NEWBORN-INSURANCE") @RequestParam(required = false) String itemCode,
            @Parameter(example = "bun-3f0c2a9e") @RequestParam(required = false) String bundleRequestId,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Criteria outcome = state == null ? null : state == TaskState.OPEN ? Criteria.where("outcome").is(null)
                : Criteria.where("outcome").is(state.name());
        var query = Filters.where().matching(Windows.visibleTo(caller)).matching(outcome)
                .is("responsibleUnit", unit).is("itemCode", itemCode).is("bundleRequestId", bundleRequestId).query();
        Instant now = clock.instant();
        return Page.query(mongo, query, BundleTask.class, Sort.by(Sort.Direction.ASC, "promisedBy"), page, size,
                t -> Task.of(t, now));
    }

    @GetMapping("/api/bundle-tasks/{taskId}")
    @Allowed({Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getBundleTask", summary = "Get a bundle task", description = "One task with its promised time; readable as soon as "
            + "the bundle's acceptance answered.")
    @ApiResponse(responseCode = "200", description = "The task")
    @NotFoundBare("No such task visible to the caller")
    Task get(Caller caller, @Parameter(example = "bun-3f0c2a9e-1") @PathVariable String taskId) {
        BundleTask task = mongo.findOne(Query.query(Windows.byId(taskId, Windows.visibleTo(caller))),
                BundleTask.class);
        if (task == null) {
            throw ProblemException.notFound("Bundle task", taskId);
        }
        return Task.of(task, clock.instant());
    }

    @PostMapping("/api/bundle-tasks/{taskId}/complete")
    @Allowed(value = {Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.SYSTEM}, scopes = Scopes.PETITION_WRITE)
    @Operation(operationId = "completeBundleTask", summary = "Complete a bundle task", description = "The unit doing the task reports DONE or FAILED "
            + "(with a reason), recorded by the window handling the bundle (or a unit's system within its areas); "
            + "publishes BundleTaskCompleted, which completes the bundle when every task is done. Every task the "
            + "accepted bundle lists can be completed at once. A task already completed is a 409.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @BadRequest("Invalid outcome")
    @NotFoundBare("No such task handled by the caller's window")
    @Conflict("Already completed")
    ResponseEntity<Void> complete(Caller caller,
            @Parameter(example = "bun-3f0c2a9e-1") @PathVariable String taskId, @Valid @RequestBody Outcome body) {
        // the handling window records the unit's outcome; a unit's system still by its areas (no unit → client map)
        Criteria may = Windows.isOnlySystem(caller) ? Visibility.criteria(caller, "gridCode", null)
                : new Criteria().orOperator(Windows.handledBy(caller));
        BundleTask task = mongo.findOne(Query.query(Windows.byId(taskId, may)), BundleTask.class);
        if (task == null) {
            throw ProblemException.notFound("Bundle task", taskId);
        }
        if (task.outcome != null) {
            throw ProblemException.conflict("Task " + taskId + " is already " + task.outcome, Map.of("state", task.outcome));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Update update = new Update().set("outcome", body.outcome()).set("reason", body.reason())
                .set("completedBy", caller.subject()).set("completedAt", now).inc("version", 1)
                .push("outbox", outbox.event(BundleTaskCompleted.TYPE, task.bundleRequestId, new BundleTaskCompleted(
                        task.bundleRequestId, task.id, task.itemCode, body.outcome(), FreeText.scrub(body.reason()),
                        Times.local(now))));
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(taskId).and("outcome").isNull()), update,
                BundleTask.class).getMatchedCount() == 0) {
            throw ProblemException.conflict("Task " + taskId + " was completed meanwhile", Map.of());
        }
        return ResponseEntity.noContent().build();
    }
}
