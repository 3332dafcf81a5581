package org.tanchang.grid.petition.bundle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.contracts.petition.BundleTaskCompleted;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.ProblemException;
import org.tanchang.grid.platform.web.Times;

@RestController
@Tag(name = "One-thing bundles")
class BundleTaskController {

    @Schema(name = "CompleteBundleTask", description = "The unit's outcome of one task")
    record Outcome(@Schema(example = "DONE") @NotNull @Pattern(regexp = "DONE|FAILED") String outcome,
            @Schema(example = "参保登记已完成") @Size(max = 500) String reason) {
    }

    private final MongoOperations mongo;
    private final Outbox outbox;
    private final Clock clock;

    BundleTaskController(MongoOperations mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostMapping("/api/bundle-tasks/{taskId}/complete")
    @Allowed(value = {Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.SYSTEM}, scopes = Scopes.PETITION_WRITE)
    @Operation(summary = "Complete a bundle task", description = "The unit doing the task reports DONE or FAILED "
            + "(with a reason); publishes BundleTaskCompleted, which completes the bundle when every task is done. "
            + "A task already completed is a 409.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "400", description = "Invalid outcome",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such task in the caller's area (or not yet fanned out)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Already completed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    org.springframework.http.ResponseEntity<Void> complete(Caller caller,
            @Parameter(example = "bun-3f0c2a9e-1") @PathVariable String taskId, @Valid @RequestBody Outcome body) {
        BundleTask task = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(taskId),
                Visibility.criteria(caller, "gridCode", null))), BundleTask.class);
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
        return org.springframework.http.ResponseEntity.noContent().build();
    }
}
