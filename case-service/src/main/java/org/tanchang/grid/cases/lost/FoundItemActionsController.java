package org.tanchang.grid.cases.lost;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.workflow.WorkflowStep;
import org.tanchang.grid.platform.security.PublicEndpoint;
import org.tanchang.grid.platform.web.Page;

/** The found-item workflow's actions ({@link LostStates#FOUND}); an action its state does not allow is a 409. */
@RestController
@Tag(name = "Lost property", description = "Lost reports, found items with receipts, ranked matching, the verified "
        + "and signed handover, public notices and disposal after the one-year period")
@LostPropertyProblems
class FoundItemActionsController {

    private final Matching matching;
    private final Handovers handovers;
    private final Disposals disposals;

    FoundItemActionsController(Matching matching, Handovers handovers, Disposals disposals) {
        this.matching = matching;
        this.handovers = handovers;
        this.disposals = disposals;
    }

    @PostMapping("/api/found-items/{id}/match")
    @WorkflowStep(of = FoundItemWorkflow.class, value = "match")
    @Operation(operationId = "matchFoundItem",
            summary = "Confirm a match", description = "Links the found item to a lost report and publishes "
            + "LostItemMatched so the owner is told to come with proof of identity. IN_CUSTODY or NOTICED → MATCHED, the "
            + "lost report OPEN → MATCHED, each with a timeline step. A retry of the same match returns the item "
            + "unchanged, without a second step or event.")
    @ApiResponse(responseCode = "200", description = "Matched")
    LostViews.FoundItemView match(Caller caller, @PathVariable String id, @Valid @RequestBody LostRequests.Match body) {
        return LostViews.FoundItemView.of(matching.match(caller, id, body.lostReportId()));
    }

    @PostMapping("/api/found-items/{id}/claim")
    @WorkflowStep(of = FoundItemWorkflow.class, value = "claim")
    @Operation(operationId = "claimFoundItem",
            summary = "Hand over to the verified owner", description = "The claimant's ID number must be the one "
            + "in the lost report (compared by keyed hash), or a proxy shows the owner's authorisation; else 422 and "
            + "nothing changes. Records the signed handover and publishes LostItemReturned. MATCHED → RETURNED, the lost "
            + "report MATCHED → RETURNED. A retry of a handover already made returns it unchanged, without a second "
            + "record or event.")
    @ApiResponse(responseCode = "200", description = "Handed over")
    LostViews.FoundItemView claim(Caller caller, @PathVariable String id, @Valid @RequestBody LostRequests.Claim body) {
        return LostViews.FoundItemView.of(handovers.claim(caller, id, body));
    }

    @PostMapping("/api/found-items/{id}/release")
    @WorkflowStep(of = FoundItemWorkflow.class, value = "release")
    @Operation(operationId = "releaseFoundItemMatch",
            summary = "Release a wrong match", description = "The claimant's items do not fit, or the wrong "
            + "report was matched: MATCHED → IN_CUSTODY (or back to NOTICED with its original notice clock), the lost "
            + "report MATCHED → OPEN, each with a timeline step carrying the reason. The item can then be matched "
            + "again. Releasing an item that is not matched is a 409.")
    @ApiResponse(responseCode = "200", description = "Released")
    LostViews.FoundItemView release(Caller caller, @PathVariable String id,
            @Valid @RequestBody LostRequests.Release body) {
        return LostViews.FoundItemView.of(matching.release(caller, id, body.reason()));
    }

    @PostMapping("/api/found-items/{id}/notice")
    @WorkflowStep(of = FoundItemWorkflow.class, value = "notice")
    @Operation(operationId = "publishFoundItemNotice",
            summary = "Publish a public notice", description = "Starts the legal one-year clock "
            + "(tanchang.lost.notice-period); the notice shows no personal data. IN_CUSTODY → NOTICED. When the period "
            + "ends unclaimed, the disposal sweep marks the item due for disposal (disposalDueAt) once.")
    @ApiResponse(responseCode = "200", description = "Noticed")
    LostViews.FoundItemView notice(Caller caller, @PathVariable String id, @Valid @RequestBody LostRequests.Notice body) {
        return LostViews.FoundItemView.of(disposals.notice(caller, id, body.publicDescription()));
    }

    @PostMapping("/api/found-items/{id}/dispose")
    @WorkflowStep(of = FoundItemWorkflow.class, value = "dispose")
    @Operation(operationId = "disposeFoundItem",
            summary = "Dispose of an unclaimed item", description = "Only after its notice period ran out "
            + "unclaimed (else 409); records how and by whom. NOTICED → DISPOSED (final).")
    @ApiResponse(responseCode = "200", description = "Disposed of")
    LostViews.FoundItemView dispose(Caller caller, @PathVariable String id, @Valid @RequestBody LostRequests.Dispose body) {
        return LostViews.FoundItemView.of(disposals.dispose(caller, id, body));
    }
}
