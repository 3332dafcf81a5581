package org.tanchang.grid.cases.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.workflow.WorkflowStep;

/**
 * Referrals to outside agencies (联合执法, 协查): staff refer a matter of their area and follow it; the agency's system
 * client reads only what is addressed to it and acknowledges and answers through the same endpoints.
 */
@RestController
@Tag(name = "Referrals", description = "Matters referred to outside agencies (market supervision, another county's "
        + "police station, a court): sent by signed webhook or by hand, acknowledged, answered by a deadline")
class ReferralController {

    private final Referrals referrals;
    private final Agencies agencies;

    ReferralController(Referrals referrals, Agencies agencies) {
        this.referrals = referrals;
        this.agencies = agencies;
    }

    @GetMapping("/api/referrals/agencies")
    @Allowed({Roles.OFFICER, Roles.WINDOW_CLERK, Roles.SUPERVISOR})
    @Operation(operationId = "listReferralAgencies", summary = "List the agencies matters can be referred to",
            description = "As configured (tanchang.referrals.agencies): code, name, kind, how a referral reaches it "
            + "and its usual time to reply in work days.")
    @ApiResponse(responseCode = "200", description = "A page of agencies, in configured order")
    Page<Agencies.Agency> agencies(
            @Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return Page.slice(agencies.agencies(), page, size);
    }

    @PostMapping("/api/referrals")
    @Allowed({Roles.OFFICER, Roles.WINDOW_CLERK, Roles.SUPERVISOR})
    @Operation(operationId = "referMatter", summary = "Refer a matter to an outside agency",
            description = "Refers an incident, request, dispute or hazard of the caller's area (by its grid; the "
            + "matter may live in another service, so only its reference is kept) to an agency with the question. "
            + "Starts the reply deadline (the agency's work days unless given) and publishes ReferralSent: a WEBHOOK "
            + "agency is then called by notification-service, signed; a PERSON agency is handed it by the officer, "
            + "who records the receipt. → SENT.")
    @ApiResponse(responseCode = "201", description = "Referred", headers = @Header(name = "Location",
            description = "URL of the new referral", schema = @Schema(type = "string", format = "uri-reference")))
    ResponseEntity<ReferralView> refer(Caller caller, @Valid @RequestBody ReferralRequests.Refer body) {
        ReferralView view = ReferralView.of(referrals.refer(caller, body));
        return ResponseEntity.created(URI.create("/api/referrals/" + view.id())).body(view);
    }

    @GetMapping("/api/referrals")
    @Allowed(value = {Roles.OFFICER, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.SYSTEM},
            scopes = Scopes.REFERRALS_READ)
    @Operation(operationId = "listReferrals", summary = "List referrals",
            description = "Staff: the referrals of matters in their area. An agency: only those addressed to it. "
            + "Newest first, optionally by state, agency or matter.")
    @ApiResponse(responseCode = "200", description = "A page of referrals")
    Page<ReferralView> list(Caller caller,
            @Parameter(example = "SENT") @RequestParam(required = false) ReferralState state,
            @Parameter(example = "lichuan-market") @RequestParam(required = false) @Size(max = 64) String agencyCode,
            @Parameter(example = "INCIDENT") @RequestParam(required = false) MatterType matterType,
            @Parameter(example = "inc-2f6c1d0a") @RequestParam(required = false) @Size(max = 64) String matterId,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return referrals.list(caller, state, agencyCode, matterType, matterId, page, size);
    }

    @GetMapping("/api/referrals/{id}")
    @Allowed(value = {Roles.OFFICER, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.SYSTEM},
            scopes = Scopes.REFERRALS_READ)
    @Operation(operationId = "getReferral", summary = "Get a referral",
            description = "With its receipt, reply, deadline and timeline. An agency reads only what is addressed "
            + "to it; anything else is not found.")
    @ApiResponse(responseCode = "200", description = "The referral")
    ReferralView get(Caller caller, @Parameter(example = "ref-4b1f0c2d9e8a") @PathVariable String id) {
        return ReferralView.of(referrals.get(caller, id));
    }

    @PostMapping("/api/referrals/{id}/receive")
    @WorkflowStep(of = ReferralWorkflow.class, value = "receive")
    @Operation(operationId = "receiveReferral", summary = "Acknowledge receipt",
            description = "The agency acknowledges through the API, or the officer records handing it over. The "
            + "reply deadline keeps running. Publishes ReferralReceived.")
    @ApiResponse(responseCode = "200", description = "Received")
    ReferralView receive(Caller caller, @Parameter(example = "ref-4b1f0c2d9e8a") @PathVariable String id,
            @Valid @RequestBody ReferralRequests.Remark body) {
        return ReferralView.of(referrals.receive(caller, id, body.remark()));
    }

    @PostMapping("/api/referrals/{id}/answer")
    @WorkflowStep(of = ReferralWorkflow.class, value = "answer")
    @Operation(operationId = "answerReferral", summary = "Record the agency's reply",
            description = "The agency replies through the API, or the officer records the reply it gave. Stops the "
            + "deadline; publishes ReferralAnswered, so the referring officer is told.")
    @ApiResponse(responseCode = "200", description = "Answered")
    ReferralView answer(Caller caller, @Parameter(example = "ref-4b1f0c2d9e8a") @PathVariable String id,
            @Valid @RequestBody ReferralRequests.Answer body) {
        return ReferralView.of(referrals.answer(caller, id, body));
    }

    @PostMapping("/api/referrals/{id}/close")
    @WorkflowStep(of = ReferralWorkflow.class, value = "close")
    @Operation(operationId = "closeReferral", summary = "Close an answered referral",
            description = "The officer has taken the reply into the matter. Publishes ReferralClosed.")
    @ApiResponse(responseCode = "200", description = "Closed")
    ReferralView close(Caller caller, @Parameter(example = "ref-4b1f0c2d9e8a") @PathVariable String id,
            @Valid @RequestBody ReferralRequests.Remark body) {
        return ReferralView.of(referrals.close(caller, id, body.remark()));
    }

    @PostMapping("/api/referrals/{id}/withdraw")
    @WorkflowStep(of = ReferralWorkflow.class, value = "withdraw")
    @Operation(operationId = "withdrawReferral", summary = "Withdraw a referral",
            description = "Before the agency replied: it is no longer asked, the deadline stops. Publishes "
            + "ReferralWithdrawn.")
    @ApiResponse(responseCode = "200", description = "Withdrawn")
    ReferralView withdraw(Caller caller, @Parameter(example = "ref-4b1f0c2d9e8a") @PathVariable String id,
            @Valid @RequestBody ReferralRequests.Withdraw body) {
        return ReferralView.of(referrals.withdraw(caller, id, body.reason()));
    }
}
