package org.tanchang.grid.mediation.dispute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.workflow.WorkflowStep;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.ProblemExamples;

/**
 * The steps of the People's Mediation Law procedure, one action endpoint each, its roles and its {@code A → B} from
 * {@link DisputeWorkflow}. Who acts comes from the token and is written to the timeline; a step the dispute's state
 * does not allow is a 409 naming the allowed ones (both documented by the platform from the table).
 */
@RestController
@RequestMapping("/api/disputes")
@Tag(name = "Dispute workflow", description = "Apply, accept or decline, mediate (sessions), agree or terminate "
        + "and refer, optional judicial confirmation, perform, follow-up visits, fulfilled, archived; the last only "
        + "when nothing of the three not-let-go (三个不放) is missing.")
class DisputeActionController {

    static final String PROBLEM = "application/problem+json";
    private static final String ID_EXAMPLE = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0";
    private static final String UNPROCESSABLE = """
            {"type":"urn:tanchang-grid:problem:confirmation-window","title":"Outside the confirmation window",
             "status":422,"detail":"Judicial confirmation must be applied for between 2026-01-06 and 2026-02-05",
             "instance":"/api/disputes/dispute-1/apply-confirmation"}
            """;

    private final DisputeActions actions;

    DisputeActionController(DisputeActions actions) {
        this.actions = actions;
    }

    @PostMapping("/{id}/add-parties")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.ADD_PARTIES)
    @Operation(operationId = "addDisputeParties",
            summary = "Add parties", description = "Adds persons or organisations with their roles and claims; ID numbers and phones are stored encrypted and shown masked. Party indexes never change: agreement terms refer to them.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView addParties(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.AddParties body) {
        return actions.addParties(caller, id, body);
    }

    @PostMapping("/{id}/accept")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.ACCEPT)
    @Operation(operationId = "acceptDispute",
            summary = "Accept the application", description = "Accepts (受理), optionally classifying type and risk; at the immediate risk the dispute goes to the township at once (DisputeEscalated). Publishes DisputeStateChanged.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView accept(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.Accept body) {
        return actions.accept(caller, id, body);
    }

    @PostMapping("/{id}/decline")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.DECLINE)
    @Operation(operationId = "declineDispute",
            summary = "Decline the application", description = "Declines with the reason (e.g. a party refuses mediation). Publishes DisputeStateChanged.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView decline(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.Decline body) {
        return actions.decline(caller, id, body);
    }

    @PostMapping("/{id}/start-mediation")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.START_MEDIATION)
    @Operation(operationId = "startDisputeMediation",
            summary = "Start mediating", description = "The mediation time limit (about one month) starts. Publishes DisputeStateChanged.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView startMediation(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody(required = false) DisputeRequests.Remark body) {
        return actions.simple(caller, id, DisputeWorkflow.START_MEDIATION, remark(body));
    }

    @PostMapping("/{id}/sessions")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.HOLD_SESSION)
    @Operation(operationId = "holdDisputeSession",
            summary = "Record a mediation session", description = "Date, place, mediators, method among the 'five face to face' and notes. Publishes MediationSessionHeld.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView holdSession(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.HoldSession body) {
        return actions.holdSession(caller, id, body);
    }

    @PostMapping("/{id}/extend-mediation")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.EXTEND_MEDIATION)
    @Operation(operationId = "extendDisputeMediation",
            summary = "Extend the mediation time limit", description = "By agreement of the parties, up to tanchang.mediation.time-limits.max-extension in total (else 422).")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    @ApiResponse(responseCode = "422", description = "Breaks a time rule of the law or configuration",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = UNPROCESSABLE)))
    DisputeView extendMediation(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.Extend body) {
        return actions.extend(caller, id, body);
    }

    @PostMapping("/{id}/agree")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.AGREE)
    @Operation(operationId = "signDisputeAgreement",
            summary = "Sign the agreement", description = "With the terms per party (what is owed, amount in fen, deadline). Publishes AgreementSigned and DisputeStateChanged, and schedules a follow-up visit (FollowUpVisitScheduled).")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView agree(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.Agree body) {
        return actions.agree(caller, id, body);
    }

    @PostMapping("/{id}/terminate")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.TERMINATE)
    @Operation(operationId = "terminateDisputeMediation",
            summary = "Terminate mediation", description = "With the reason and how it ended: WITHDRAWN (a party ended mediation, 人民调解法 art. 23), SELF_SETTLED (the parties settled among themselves) or REFERRED with the referral (LITIGATION, ARBITRATION or CASE; required then, refused otherwise). Publishes DisputeStateChanged, and DisputeReferred only when REFERRED.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView terminate(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.Terminate body) {
        return actions.terminate(caller, id, body);
    }

    @PostMapping("/{id}/apply-confirmation")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.APPLY_CONFIRMATION)
    @Operation(operationId = "applyDisputeConfirmation",
            summary = "Apply for judicial confirmation", description = "The parties' joint application, within tanchang.mediation.time-limits.confirmation-window (30 days) of the agreement taking effect (else 422).")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    @ApiResponse(responseCode = "422", description = "Breaks a time rule of the law or configuration",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = UNPROCESSABLE)))
    DisputeView applyConfirmation(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.ApplyConfirmation body) {
        return actions.applyConfirmation(caller, id, body);
    }

    @PostMapping("/{id}/confirm")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.CONFIRM)
    @Operation(operationId = "confirmDispute",
            summary = "Record the court's confirmation", description = "Publishes DisputeStateChanged.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView confirm(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody(required = false) DisputeRequests.Remark body) {
        return actions.simple(caller, id, DisputeWorkflow.CONFIRM, remark(body));
    }

    @PostMapping("/{id}/refuse-confirmation")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.REFUSE_CONFIRMATION)
    @Operation(operationId = "refuseDisputeConfirmation",
            summary = "Record that the court did not confirm", description = "The parties may mediate again or go to court. Publishes DisputeStateChanged.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView refuseConfirmation(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody(required = false) DisputeRequests.Remark body) {
        return actions.simple(caller, id, DisputeWorkflow.REFUSE_CONFIRMATION, remark(body));
    }

    @PostMapping("/{id}/start-performance")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.START_PERFORMANCE)
    @Operation(operationId = "startDisputePerformance",
            summary = "Start performing the agreement", description = "Publishes DisputeStateChanged.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView startPerformance(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody(required = false) DisputeRequests.Remark body) {
        return actions.simple(caller, id, DisputeWorkflow.START_PERFORMANCE, remark(body));
    }

    @PostMapping("/{id}/perform-term")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.PERFORM_TERM)
    @Operation(operationId = "performDisputeTerm",
            summary = "Record a performed term", description = "One term performed on a day (the herder paid household 7 of 12). Publishes AgreementTermPerformed.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView performTerm(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.PerformTerm body) {
        return actions.performTerm(caller, id, body);
    }

    @PostMapping("/{id}/fulfil")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.FULFIL)
    @Operation(operationId = "fulfilDispute",
            summary = "Mark the agreement fulfilled", description = "Refused (409, listing them) while any term is unperformed. Publishes DisputeStateChanged.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView fulfil(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody(required = false) DisputeRequests.Remark body) {
        return actions.fulfil(caller, id, remark(body));
    }

    @PostMapping("/{id}/archive")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.ARCHIVE)
    @Operation(operationId = "archiveDispute",
            summary = "Archive the dispute", description = "Refused with a 409 problem listing everything missing (三个不放): each unperformed term, each visit not made, a hazard the latest visit found, each party dissatisfied at their last visit, and (once anything was agreed or visited) each party never asked at a visit without a recorded reason (excuse-visit). Publishes DisputeStateChanged.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView archive(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody(required = false) DisputeRequests.Remark body) {
        return actions.archive(caller, id, remark(body));
    }

    @PostMapping("/{id}/add-grids")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.ADD_GRIDS)
    @Operation(operationId = "addDisputeGrids",
            summary = "Add grids the dispute spans", description = "While the dispute is not ended: more grids it involves, e.g. the herder's village next door; the grids may lie outside the caller's area. Everyone responsible for any of the dispute's grids sees it and may act on it; events and statistics stay with its own grid.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView addGrids(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.AddGrids body) {
        return actions.addGrids(caller, id, body);
    }

    @PostMapping("/{id}/schedule-visit")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.SCHEDULE_VISIT)
    @Operation(operationId = "scheduleDisputeVisit",
            summary = "Schedule a follow-up visit", description = "From the end of mediation until the archive: a visit due on a day, optionally for one party (400 if not a party of the dispute), made by the caller or the named assignee. Publishes FollowUpVisitScheduled and FollowUpVisitAssigned (the assignee is told at once).")
    @ApiResponse(responseCode = "200", description = "The dispute after the step; the visit is listed by GET /api/follow-up-visits?disputeId=")
    DisputeView scheduleVisit(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.ScheduleVisit body) {
        return actions.scheduleVisit(caller, id, body);
    }

    @PostMapping("/{id}/excuse-visit")
    @WorkflowStep(of = DisputeWorkflow.class, value = DisputeWorkflow.EXCUSE_VISIT)
    @Operation(operationId = "excuseDisputeVisit",
            summary = "Record why a party is not visited", description = "From the end of mediation until the archive: the reason a party is not visited (moved away, refuses to be asked ...), which the closing guard accepts instead of a visit; a later one for the same party replaces it.")
    @ApiResponse(responseCode = "200", description = "The dispute after the step")
    DisputeView excuseVisit(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.ExcuseVisit body) {
        return actions.excuseVisit(caller, id, body);
    }

    @PostMapping("/{id}/supervise")
    @Allowed({Roles.SUPERVISOR})
    @Operation(operationId = "superviseDispute",
            summary = "Supervise (督办) a dispute", description = "A supervisor presses for progress, with the reason and optionally the county day by which it is expected (today or later, else 400); not a step, so state and time limit stay. Recorded in the timeline; publishes DisputeSupervised (its mediators and the supervisors of its level's area are told). 409 once archived.")
    @ApiResponse(responseCode = "200", description = "The dispute with the supervision recorded")
    // not a step, so the platform does not document this one
    @ApiResponse(responseCode = "409", description = "The dispute is archived, or it was changed meanwhile; reload",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ProblemExamples.CONFLICT)))
    DisputeView supervise(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody DisputeRequests.Supervise body) {
        return actions.supervise(caller, id, body);
    }

    /** A remark is optional: an empty body is the same as no remark. */
    private static DisputeRequests.Remark remark(DisputeRequests.Remark body) {
        return body == null ? new DisputeRequests.Remark(null) : body;
    }
}
