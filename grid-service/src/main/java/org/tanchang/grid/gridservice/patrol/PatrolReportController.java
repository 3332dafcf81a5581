package org.tanchang.grid.gridservice.patrol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.gridservice.ProblemResponses.BadRequest;
import org.tanchang.grid.gridservice.ProblemResponses.NotFound;
import org.tanchang.grid.gridservice.ProblemResponses.Unprocessable;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;

@RestController
@RequestMapping("/api/patrol-reports")
@Tag(name = "Patrol reports", description = "What grid members found on patrol (巡查报告); each report fans out to "
        + "mediation, cases, statistics and notifications through the PatrolReportSubmitted event")
class PatrolReportController {

    /** The seed's cattle case as a whole report: twelve households apply, the herder responds. */
    private static final String CATTLE_REPORT = """
            {"gridCode":"621223101001001",
             "startedAt":"2026-01-04T09:00:00+08:00","endedAt":"2026-01-04T11:30:00+08:00",
             "findings":[{"kind":"DISPUTE","description":"牧民马某的牛群踩踏了十二户药农的覆膜药苗，药农要求赔偿",
              "location":{"longitude":104.392,"latitude":34.047},
              "dispute":""" + SubmitPatrolReport.CATTLE_CASE + "}]}";

    private final PatrolReports reports;

    PatrolReportController(PatrolReports reports) {
        this.reports = reports;
    }

    @PostMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER})
    @Operation(operationId = "submitPatrolReport",
            summary = "Submit a patrol report", description = "Stores the report of the signed-in member and "
            + "publishes PatrolReportSubmitted. A DISPUTE finding opens a dispute with a follow-up visit, an INCIDENT "
            + "finding opens an incident. A DISPUTE finding may carry a `dispute` part (type, risk level, parties by "
            + "name and role): mediation then opens the dispute with them, and a HIGH risk goes to the township at "
            + "once; on any other kind of finding that part is a 400. The grid must lie in the member's area. The "
            + "optional route (track) is stored encrypted and never published. Send an Idempotency-Key to make "
            + "retries safe: a repeat by the same person returns the first report.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(name = "cattle-case",
                    summary = "4 January: cattle of herder 马某 trampled the mulched seedlings of 12 households",
                    value = CATTLE_REPORT))))
    @ApiResponse(responseCode = "201", description = "Report accepted")
    @ApiResponse(responseCode = "200", description = "Repeat of the caller's earlier submission with the same "
            + "Idempotency-Key")
    @BadRequest("Invalid or malformed report (also: an unknown dispute type, "
            + "risk, party kind or role code, a blank or over-long party name, more than 200 parties, or a dispute "
            + "part on a finding that is not a DISPUTE); nothing was stored or published")
    @Unprocessable("The grid does not exist")
    ResponseEntity<PatrolReportView> submit(Caller caller, @Valid @RequestBody SubmitPatrolReport request,
            @Parameter(description = "Client-chosen key that makes a retried submission return the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 8, max = 128) String idempotencyKey) {
        PatrolReports.Submitted submitted = reports.submit(caller, request, idempotencyKey);
        if (!submitted.created()) {
            return ResponseEntity.ok(submitted.report());
        }
        return ResponseEntity.created(URI.create("/api/patrol-reports/" + submitted.report().id()))
                .body(submitted.report());
    }

    @GetMapping("/{id}")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getPatrolReport",
            summary = "Get a patrol report", description = "A report of a grid in the caller's area. The route "
            + "is shown as its number of points; with unmask=true a role allowed to see personal data gets the "
            + "points themselves, and the read is recorded in the audit trail.")
    @ApiResponse(responseCode = "200", description = "The report")
    @NotFound("No such report in the caller's area")
    PatrolReportView get(Caller caller, @PathVariable String id,
            @Parameter(description = "Show the patrol route in the clear (audited; not for every role)")
            @RequestParam(defaultValue = "false") boolean unmask) {
        return reports.get(caller, id, unmask);
    }

    @GetMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listPatrolReports",
            summary = "List patrol reports", description = "The reports of the caller's area, newest first, "
            + "optionally of one grid or member. Routes are shown as their number of points only.")
    @ApiResponse(responseCode = "200", description = "A page of reports")
    @BadRequest("Invalid filter or paging")
    Page<PatrolReportView> list(Caller caller,
            @Parameter(example = "\"621223101001001\"") @RequestParam(required = false) @Pattern(regexp = "\\d{15}") String gridCode,
            @Parameter(description = "Username of the member", example = "member.yangjia")
            @RequestParam(required = false) @Size(max = 64) String memberId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return reports.list(caller, gridCode, memberId, page, size);
    }
}
