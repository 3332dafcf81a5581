package org.tanchang.grid.cases.lost;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.PublicEndpoint;
import org.tanchang.grid.platform.security.Roles;

/** Lost property from loss to handover (失物招领). */
@RestController
@Tag(name = "Lost property", description = "Lost reports, found items with receipts, ranked matching, the verified "
        + "and signed handover, public notices and disposal after the one-year period")
@ApiResponse(responseCode = "400", description = "Invalid body; nothing was stored",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The caller's role may not do this, or the area is outside theirs",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Not found in the caller's area (or, for a citizen, not theirs)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "409", description = "The item's status does not allow it (already returned, not "
        + "matched, notice period still running)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "Identity not proven, documents that differ, an unknown lost report",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class LostPropertyController {

    private final LostProperty lost;

    LostPropertyController(LostProperty lost) {
        this.lost = lost;
    }

    @PostMapping("/api/lost-reports")
    @Allowed({Roles.CITIZEN, Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(summary = "Report something lost", description = "A citizen reports their own loss; the desk reports "
            + "in its area for a citizen. Document numbers are stored encrypted with a keyed hash and shown masked.")
    @ApiResponse(responseCode = "201", description = "Lost report stored")
    ResponseEntity<LostViews.LostReportView> report(Caller caller, @Valid @RequestBody LostRequests.ReportLost body) {
        LostReport report = lost.report(caller, body);
        return ResponseEntity.created(URI.create("/api/lost-reports/" + report.id)).body(LostViews.LostReportView.of(report));
    }

    @GetMapping("/api/lost-reports")
    @Allowed({Roles.CITIZEN, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "List lost reports", description = "A citizen's own, or those of the officer's area; "
            + "newest first, optionally by status (OPEN, MATCHED, RETURNED).")
    @ApiResponse(responseCode = "200", description = "A page of lost reports")
    org.tanchang.grid.platform.web.Page<LostViews.LostReportView> list(Caller caller,
            @RequestParam(required = false) @jakarta.validation.constraints.Pattern(regexp = "OPEN|MATCHED|RETURNED",
                    message = "must be OPEN, MATCHED or RETURNED") String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return lost.list(caller, status, page, size);
    }

    @GetMapping("/api/lost-reports/{id}")
    @Allowed({Roles.CITIZEN, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Get a lost report", description = "Citizens see their own; officers those of their area.")
    @ApiResponse(responseCode = "200", description = "The lost report")
    LostViews.LostReportView get(Caller caller, @PathVariable String id) {
        return LostViews.LostReportView.of(lost.lostReport(caller, id));
    }

    @GetMapping("/api/lost-reports/{id}/matches")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Ranked candidates for a lost report", description = "Found items county-wide scored on "
            + "category, time, distance, document numbers (exact, by keyed hash; a different number of the same "
            + "document type never matches) and description, best first, each with its reasons.")
    @ApiResponse(responseCode = "200", description = "Candidates, best first")
    List<LostViews.CandidateView> matches(Caller caller, @PathVariable String id) {
        return lost.matches(caller, id).stream().map(LostViews.CandidateView::of).toList();
    }

    @PostMapping("/api/found-items")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(summary = "Take in a found item", description = "Gives the finder a receipt number and records the "
            + "custody location.")
    @ApiResponse(responseCode = "201", description = "Found item in custody")
    ResponseEntity<LostViews.FoundItemView> intake(Caller caller, @Valid @RequestBody LostRequests.IntakeFound body) {
        FoundItem found = lost.intake(caller, body);
        return ResponseEntity.created(URI.create("/api/found-items/" + found.id)).body(LostViews.FoundItemView.of(found));
    }

    @GetMapping("/api/found-items/{id}")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Get a found item", description = "With its handover or disposal record once there is one.")
    @ApiResponse(responseCode = "200", description = "The found item")
    LostViews.FoundItemView found(Caller caller, @PathVariable String id) {
        return LostViews.FoundItemView.of(lost.foundItem(caller, id));
    }

    @PostMapping("/api/found-items/{id}/match")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(summary = "Confirm a match", description = "Links the found item to a lost report and publishes "
            + "LostItemMatched so the owner is told to come with proof of identity.")
    @ApiResponse(responseCode = "200", description = "Matched")
    LostViews.FoundItemView match(Caller caller, @PathVariable String id, @Valid @RequestBody LostRequests.Match body) {
        return LostViews.FoundItemView.of(lost.match(caller, id, body.lostReportId()));
    }

    @PostMapping("/api/found-items/{id}/claim")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(summary = "Hand over to the verified owner", description = "The claimant's ID number must be the one "
            + "in the lost report (compared by keyed hash), or a proxy shows the owner's authorisation; else 422 and "
            + "nothing changes. Records the signed handover and publishes LostItemReturned.")
    @ApiResponse(responseCode = "200", description = "Handed over")
    LostViews.FoundItemView claim(Caller caller, @PathVariable String id, @Valid @RequestBody LostRequests.Claim body) {
        return LostViews.FoundItemView.of(lost.claim(caller, id, body));
    }

    @PostMapping("/api/found-items/{id}/notice")
    @Allowed({Roles.OFFICER})
    @Operation(summary = "Publish a public notice", description = "Starts the legal one-year clock "
            + "(tanchang.lost.notice-period); the notice shows no personal data.")
    @ApiResponse(responseCode = "200", description = "Noticed")
    LostViews.FoundItemView notice(Caller caller, @PathVariable String id, @Valid @RequestBody LostRequests.Notice body) {
        return LostViews.FoundItemView.of(lost.notice(caller, id, body.publicDescription()));
    }

    @PostMapping("/api/found-items/{id}/dispose")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Dispose of an unclaimed item", description = "Only after its notice period ran out "
            + "unclaimed (else 409); records how and by whom.")
    @ApiResponse(responseCode = "200", description = "Disposed of")
    LostViews.FoundItemView dispose(Caller caller, @PathVariable String id, @Valid @RequestBody LostRequests.Dispose body) {
        return LostViews.FoundItemView.of(lost.dispose(caller, id, body));
    }

    @GetMapping("/api/public/lost-property-notices")
    @PublicEndpoint
    @Operation(summary = "Public lost-property notices", description = "Found items under public notice, newest "
            + "first, with the date until which they can be claimed. No token needed; no personal data.")
    @ApiResponse(responseCode = "200", description = "Notices")
    List<LostViews.NoticeView> notices(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return lost.notices(page, size).stream().map(LostViews.NoticeView::of).toList();
    }
}
