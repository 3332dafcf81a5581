package org.tanchang.grid.petition.bundle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.petition.request.ProblemResponses.BadRequest;
import org.tanchang.grid.petition.request.ProblemResponses.Conflict;
import org.tanchang.grid.petition.request.ProblemResponses.Unprocessable;
import org.tanchang.grid.petition.request.Windows;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.workflow.WorkflowStep;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.time.Times;

@RestController
@Tag(name = "One-thing bundles", description = "\"One thing\" bundles (一件事): one form, one acceptance, one task "
        + "per item fanned out by events, complete when every task is done")
class BundleController {

    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_FOUND = """
            {"type":"urn:tanchang-grid:problem:not-found","title":"Not found","status":404,
             "detail":"Bundle request bun-404 does not exist","instance":"/api/bundle-requests/bun-404"}""";

    @Schema(name = "SubmitBundle", description = "One form for every item of the bundle")
    record SubmitBundle(@Schema(example = "ONE-CHILD-BIRTH") @NotNull @Pattern(regexp = "[A-Z]+(-[A-Z0-9]+)+") String bundleCode,
            @Schema(example = "621223101001001") @NotNull @Pattern(regexp = "\\d{15}") String gridCode,
            @Schema(example = "{\"childName\":\"杨小禾\",\"birthDate\":\"2026-10-30\",\"fatherName\":\"杨建国\","
                    + "\"motherName\":\"李秀兰\",\"birthCertificateNumber\":\"Q620001234\"}")
            Map<@Size(max = 40) String, @Size(max = 500) String> answers) {
    }

    @Schema(name = "BundleTaskView")
    record TaskView(String taskId, String itemCode, @Schema(description = "The unit that does it") String responsibleUnit,
            @Schema(description = "The item's promised time limit", example = "5WD") String completionLimit,
            @Schema(description = "Promised by, from the bundle's acceptance") OffsetDateTime promisedBy,
            Map<String, String> fields, String outcome, String reason, OffsetDateTime completedAt) {
    }

    @Schema(name = "BundleRequest")
    record BundleView(String id, @Schema(example = "621223-YJS-20261129-00001") String number, String bundleCode,
            String bundleName, String gridCode,
            @Schema(description = "The window handling it (一窗通办: any window of the county)", example = "621223101")
            String windowCode, String citizenId, Map<String, String> answers,
            @Schema(example = "ACCEPTED") String state, List<TaskView> tasks,
            @Schema(description = "The task that failed, if any") String failedTaskId, OffsetDateTime submittedAt,
            OffsetDateTime completedAt) {

        static BundleView of(BundleRequest b) {
            return new BundleView(b.id, b.number, b.bundleCode, b.bundleName, b.gridCode,
                    b.windowCode != null ? b.windowCode : b.gridCode.substring(0, 9), b.citizenId,
                    Map.copyOf(b.answers), b.state.name(), b.tasks.stream().map(t -> new TaskView(t.taskId, t.itemCode,
                            t.responsibleUnit, t.completionLimit, Times.local(t.promisedBy), Map.copyOf(t.fields),
                            t.outcome, t.reason, Times.local(t.completedAt))).toList(),
                    b.failedTaskId, Times.local(b.submittedAt), Times.local(b.completedAt));
        }
    }

    private final Bundles bundles;
    private final MongoOperations mongo;

    BundleController(Bundles bundles, MongoOperations mongo) {
        this.bundles = bundles;
        this.mongo = mongo;
    }

    @GetMapping("/api/bundle-requests")
    @Allowed({Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listBundleRequests", summary = "List bundle requests", description = "The window's queue: the bundles the caller's window "
            + "handles (supervisors also those of their area's residents taken elsewhere, to read), a citizen their "
            + "own; by state and bundle, oldest first so the queue is worked in order. Filters combine with AND.")
    @ApiResponse(responseCode = "200", description = "A page of bundle requests")
    @BadRequest("Invalid filter or paging")
    Page<BundleView> list(Caller caller,
            @Parameter(example = "SUBMITTED") @RequestParam(required = false) BundleRequest.State state,
            @Parameter(example = "ONE-CHILD-BIRTH") @RequestParam(required = false) String bundleCode,
            // quoted: a bare digit string becomes a JSON number example, the wrong type for a code
            @Parameter(example = "\"621223101\"") @RequestParam(required = false)
            @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}|\\d{15}", message = "must be an area code") String windowCode,
            @Parameter(example = "621223-YJS-20261129-00001") @RequestParam(required = false) String number,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var query = Filters.where().matching(new Criteria().andOperator(Windows.visibleTo(caller)))
                .is("state", state).is("bundleCode", bundleCode).is("windowCode", windowCode).is("number", number)
                .query();
        return Page.query(mongo, query, BundleRequest.class, Sort.by(Sort.Direction.ASC, "submittedAt"), page, size,
                BundleView::of);
    }

    @PostMapping("/api/bundle-requests")
    @Allowed({Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR})
    @Operation(operationId = "submitBundleRequest", summary = "Apply for a bundle", description = "Checks the one form; each item's fields are derived "
            + "from it (nothing is asked twice) and checked against the item. Starts SUBMITTED with a number "
            + "621223-YJS-yyyyMMdd-nnnnn; publishes RequestStateChanged (item code = bundle code).")
    @ApiResponse(responseCode = "201", description = "Submitted")
    @BadRequest("Invalid answers; nothing stored or published")
    @Unprocessable("The bundle no longer matches the catalogue")
    ResponseEntity<BundleView> submit(Caller caller, @Valid @RequestBody SubmitBundle body) {
        BundleRequest b = bundles.submit(caller, body);
        return ResponseEntity.created(URI.create("/api/bundle-requests/" + b.id)).body(BundleView.of(b));
    }

    @GetMapping("/api/bundle-requests/{id}")
    @Allowed({Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getBundleRequest", summary = "Get a bundle request", description = "With each task's outcome; which task failed, if any.")
    @ApiResponse(responseCode = "200", description = "The bundle request")
    @ApiResponse(responseCode = "404", description = "Not visible to the caller",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = NOT_FOUND)))
    BundleView get(Caller caller, @Parameter(example = "bun-3f0c2a9e") @PathVariable String id) {
        return BundleView.of(bundles.get(caller, id));
    }

    @PostMapping("/api/bundle-requests/{id}/accept")
    @WorkflowStep(of = BundleWorkflow.class, value = "accept")
    @Operation(operationId = "acceptBundleRequest", summary = "Accept a bundle", description = "One acceptance for every item, by the window handling "
            + "the bundle (another window's bundle is a 403: the home area reads it only): each task promised by "
            + "its item's time limit from now, publishing one BundleTaskRequested per item with that item's fields. "
            + "The tasks are written before the answer, so each one listed can be read and completed at once.")
    @ApiResponse(responseCode = "200", description = "Accepted")
    BundleView accept(Caller caller, @Parameter(example = "bun-3f0c2a9e") @PathVariable String id) {
        return BundleView.of(bundles.accept(caller, id));
    }
}
