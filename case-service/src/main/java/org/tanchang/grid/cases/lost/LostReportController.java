package org.tanchang.grid.cases.lost;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.PublicEndpoint;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;

/** Lost reports (失物登记) and their ranked candidates; the OpenAPI responses are those of all lost property. */
@RestController
@Tag(name = "Lost property", description = "Lost reports, found items with receipts, ranked matching, the verified "
        + "and signed handover, public notices and disposal after the one-year period")
@LostPropertyProblems
class LostReportController {

    private final LostReports reports;
    private final Matching matching;

    LostReportController(LostReports reports, Matching matching) {
        this.reports = reports;
        this.matching = matching;
    }

    @PostMapping("/api/lost-reports")
    @Allowed({Roles.CITIZEN, Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(operationId = "reportLostItem",
            summary = "Report something lost", description = "A citizen reports their own loss; the desk reports "
            + "in its area for a citizen. Document numbers are stored encrypted with a keyed hash and shown masked. "
            + "Send an Idempotency-Key to make a retry safe: a repeat by the same caller returns the first report "
            + "with 200 (keys of different callers never meet).")
    @ApiResponse(responseCode = "201", description = "Lost report stored",
            headers = @Header(name = "Location", description = "URL of the new lost report",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "200", description = "Repeat of the caller's earlier report with the same "
            + "Idempotency-Key; nothing new was stored")
    ResponseEntity<LostViews.LostReportView> report(Caller caller, @Valid @RequestBody LostRequests.ReportLost body,
            @Parameter(description = "Caller-chosen key (8 to 128 characters) that makes a retried report return "
                    + "the first result; scoped to the caller", example = "lost-desk-20261128-0003")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 8, max = 128)
            String idempotencyKey) {
        Created<LostReport> report = reports.report(caller, body, idempotencyKey);
        LostViews.LostReportView view = LostViews.LostReportView.of(report.value());
        return report.created() ? ResponseEntity.created(URI.create("/api/lost-reports/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/api/lost-reports")
    @Allowed({Roles.CITIZEN, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "listLostReports",
            summary = "List lost reports", description = "A citizen's own, or those of the officer's area; "
            + "newest first, optionally by status (OPEN, MATCHED, RETURNED).")
    @ApiResponse(responseCode = "200", description = "A page of lost reports")
    Page<LostViews.LostReportView> list(Caller caller,
            @RequestParam(required = false) @Pattern(regexp = "OPEN|MATCHED|RETURNED",
                    message = "must be OPEN, MATCHED or RETURNED") String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return reports.list(caller, status, page, size);
    }

    @GetMapping("/api/lost-reports/{id}")
    @Allowed({Roles.CITIZEN, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "getLostReport",
            summary = "Get a lost report", description = "Citizens see their own; officers those of their area. "
            + "With its timeline (actor, time, remark of every step).")
    @ApiResponse(responseCode = "200", description = "The lost report")
    LostViews.LostReportView get(Caller caller, @PathVariable String id) {
        return LostViews.LostReportView.of(reports.get(caller, id));
    }

    @GetMapping("/api/lost-reports/{id}/matches")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "listLostReportMatches",
            summary = "Ranked candidates for a lost report", description = "Found items county-wide scored on "
            + "category, time, distance, document numbers (exact, by keyed hash; a different number of the same "
            + "document type never matches) and description, best first, each with its reasons.")
    @ApiResponse(responseCode = "200", description = "A page of candidates, best first")
    Page<LostViews.CandidateView> matches(Caller caller, @PathVariable String id,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return Page.slice(matching.candidates(caller, id).stream().map(LostViews.CandidateView::of).toList(), page,
                size);
    }
}
