package org.tanchang.grid.mediation.dispute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.headers.Header;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.mediation.ProblemResponses.Forbidden;
import org.tanchang.grid.mediation.ProblemResponses.Invalid;
import org.tanchang.grid.mediation.ProblemResponses.NoToken;
import org.tanchang.grid.mediation.ProblemResponses.NotFound;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;

@RestController
@RequestMapping("/api/disputes")
@Tag(name = "Disputes", description = "Disputes between residents taken up for mediation (矛盾纠纷调解); a DISPUTE "
        + "finding of a patrol report opens one and schedules its first follow-up visit. Each caller sees the "
        + "disputes of the grids in their area.")
class DisputeController {

    // the opening step's "from" is null in the response; the example leaves it out because a null in an enum
    // property fails example checks (Spectral) unless the enum lists null, which generated Java enums cannot hold
    private static final String TIMELINE_EXAMPLE = """
            {"disputeId":"dispute-3f1c9a2e-7b4d-4e8a-9c1f-2d3e4f5a6b7c","state":"MEDIATING","items":[
             {"action":"open","to":"APPLIED","actorId":"mediator-621223101","actorName":"赵调解",
              "at":"2026-01-04T16:20:00+08:00","remark":"来访申请调解"},
             {"action":"accept","from":"APPLIED","to":"ACCEPTED","actorId":"mediator-621223101","actorName":"赵调解",
              "at":"2026-01-04T16:45:00+08:00","remark":"双方同意调解"},
             {"action":"start-mediation","from":"ACCEPTED","to":"MEDIATING","actorId":"mediator-621223101",
              "actorName":"赵调解","at":"2026-01-05T09:00:00+08:00","remark":null}]}
            """;

    private final Disputes disputes;
    private final DisputeQueries queries;

    DisputeController(Disputes disputes, DisputeQueries queries) {
        this.disputes = disputes;
        this.queries = queries;
    }

    @GetMapping
    @Allowed({Roles.MEDIATOR, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(operationId = "listDisputes",
            summary = "List disputes", description = "Newest first, optionally of one grid, in one state or from "
            + "one source reference (e.g. the patrol report that found them), or with a yellow or red time limit; only "
            + "disputes in the caller's area. "
            + "Each DISPUTE finding of a patrol report appears here shortly after the report was submitted.")
    @ApiResponse(responseCode = "200", description = "A page of disputes in the caller's area")
    @Invalid("Invalid filter or paging")
    @NoToken
    @Forbidden("The caller's role may not read disputes")
    Page<DisputeView> list(Caller caller,
            @Parameter(description = "15-digit grid code",
                    schema = @Schema(type = "string", pattern = "\\d{15}", example = "621223101001001"))
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
            @Parameter(description = "Only disputes whose running time limit (acceptance or mediation) carries this "
                    + "flag now: YELLOW from 70% of the limit until it is due, RED once it is due", example = "RED")
            @RequestParam(required = false) DeadlineFlag flag,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, at most 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.list(caller, new DisputeQueries.Filter(gridCode, state, sourceReference, type, level, flag),
                page, size);
    }

    @GetMapping("/{id}")
    @Allowed({Roles.MEDIATOR, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(operationId = "getDispute",
            summary = "Get a dispute", description = "One dispute by its id. A dispute outside the caller's area "
            + "is not found, exactly like one that does not exist.")
    @ApiResponse(responseCode = "200", description = "The dispute")
    @NoToken
    @Forbidden("The caller's role may not read disputes")
    @NotFound("No such dispute in the caller's area")
    DisputeView get(Caller caller,
            @Parameter(example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0") @PathVariable String id,
            @Parameter(description = "Show the parties' ID numbers and phones in the clear (roles of "
                    + "tanchang.security.unmask-roles only; audited)", example = "false")
            @RequestParam(defaultValue = "false") boolean unmask) {
        return queries.get(caller, id, unmask);
    }

    @GetMapping("/{id}/timeline")
    @Allowed({Roles.MEDIATOR, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(operationId = "getDisputeTimeline",
            summary = "Get a dispute's timeline", description = "Every step of one dispute, oldest first: the "
            + "action, the states before and after, who acted (from their token), when (county time) and the "
            + "remark; escalations appear as 'escalate' by mediation-service. No personal data. A dispute outside "
            + "the caller's area is not found, exactly like one that does not exist.")
    // the content names its schema: with only an example, springdoc documented none and clients got void
    @ApiResponse(responseCode = "200", description = "The timeline", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = DisputeTimeline.class),
            examples = @ExampleObject(value = TIMELINE_EXAMPLE)))
    @NoToken
    @Forbidden("The caller's role may not read disputes")
    @NotFound("No such dispute in the caller's area")
    DisputeTimeline timeline(Caller caller,
            @Parameter(example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0") @PathVariable String id) {
        return queries.timeline(caller, id);
    }

    @PostMapping
    @Allowed({Roles.MEDIATOR, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(operationId = "openDispute",
            summary = "Open a dispute (walk-in or case referral)", description = "A party came in person, or a "
            + "case is referred to mediation. The grid comes from the location when it lies in a known grid, else "
            + "from gridCode; it must be in the caller's area. Parties' ID numbers and phones are validated, stored "
            + "encrypted and shown masked. A dispute at the immediate risk goes to the township at once "
            + "(DisputeEscalated). Publishes DisputeOpened. Send an Idempotency-Key to make a retry safe: a repeat by "
            + "the same caller returns the first dispute with 200 and opens nothing (keys of different callers never "
            + "meet). Invalid input and a grid outside the caller's area are refused before anything is stored.")
    @ApiResponse(responseCode = "201", description = "The dispute, in state APPLIED; Location names it",
            headers = @Header(name = "Location", description = "URL of the new dispute",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "200", description = "Repeat of the caller's earlier opening with the same "
            + "Idempotency-Key: the dispute as it is now; nothing new stored or published",
            headers = @Header(name = "Location", description = "URL of the dispute",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @Invalid("Invalid dispute; nothing stored")
    @NoToken
    @Forbidden("Role not allowed, or the grid is outside the caller's area")
    ResponseEntity<DisputeView> open(Caller caller, @Valid @RequestBody Requests.OpenDispute request,
            @Parameter(description = "Caller-chosen key (8 to 128 characters) that makes a retried opening return "
                    + "the first dispute; scoped to the caller", example = "desk-lichuan-20260104-0007")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 8, max = 128)
            String idempotencyKey) {
        Disputes.Opened opened = disputes.openWalkIn(caller, request, idempotencyKey);
        // Location on the repeat too: the audit record names the dispute either way
        URI location = URI.create("/api/disputes/" + opened.dispute().id());
        return opened.created() ? ResponseEntity.created(location).body(opened.dispute())
                : ResponseEntity.ok().location(location).body(opened.dispute());
    }
}
