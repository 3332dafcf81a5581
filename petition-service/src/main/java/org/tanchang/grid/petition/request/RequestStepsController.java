package org.tanchang.grid.petition.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.workflow.WorkflowStep;

/**
 * One endpoint per step of {@link RequestWorkflow} and {@link AssistanceWorkflow}: the roles, the {@code A → B} of each
 * description and the 404/409 problems come from the tables; asking for assistance creates a question.
 */
@RestController
@RequestMapping("/api/service-requests")
@Tag(name = "Service requests")
class RequestStepsController {

    private final RequestSteps steps;
    private final RequestAssistance assistance;
    private final Applicants applicants;
    private final Clock clock;

    RequestStepsController(RequestSteps steps, RequestAssistance assistance, Applicants applicants, Clock clock) {
        this.steps = steps;
        this.assistance = assistance;
        this.applicants = applicants;
        this.clock = clock;
    }

    @PostMapping("/{id}/precheck")
    @WorkflowStep(of = RequestWorkflow.class, value = "precheck")
    @Operation(operationId = "precheckServiceRequest", summary = "Precheck a request", description = "The window's first response: checks the materials against the catalogue and lists every missing one. Recorded in the timeline with the caller; publishes RequestStateChanged.")
    @ApiResponse(responseCode = "200", description = "The request after the step")
    RequestView precheck(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = false) StepBodies.Remark body) {
        return view(steps.precheck(caller, id, remark(body)));
    }

    @PostMapping("/{id}/request-materials")
    @WorkflowStep(of = RequestWorkflow.class, value = "request-materials")
    @Operation(operationId = "requestServiceRequestMaterials", summary = "Ask for the missing materials", description = "Lists every missing material at once (never one by one); 409 if nothing is missing. Recorded in the timeline with the caller; publishes RequestStateChanged.")
    @ApiResponse(responseCode = "200", description = "The request after the step")
    RequestView requestMaterials(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = false) StepBodies.Remark body) {
        return view(steps.requestMaterials(caller, id, remark(body)));
    }

    @PostMapping("/{id}/resubmit")
    @WorkflowStep(of = RequestWorkflow.class, value = "resubmit")
    @Operation(operationId = "resubmitServiceRequest", summary = "Bring the missing materials", description = "The citizen (or the window for them) hands in materials; the missing list is recomputed. Recorded in the timeline with the caller; publishes RequestStateChanged.")
    @ApiResponse(responseCode = "200", description = "The request after the step")
    RequestView resubmit(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = true) @Valid StepBodies.Materials body) {
        return view(steps.resubmit(caller, id, body));
    }

    @PostMapping("/{id}/accept")
    @WorkflowStep(of = RequestWorkflow.class, value = "accept")
    @Operation(operationId = "acceptServiceRequest", summary = "Accept a request", description = "Only with every material present (else 409 listing them). Recorded in the timeline with the caller; publishes RequestStateChanged.")
    @ApiResponse(responseCode = "200", description = "The request after the step")
    RequestView accept(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = false) StepBodies.Remark body) {
        return view(steps.accept(caller, id, remark(body)));
    }

    @PostMapping("/{id}/start")
    @WorkflowStep(of = RequestWorkflow.class, value = "start")
    @Operation(operationId = "startServiceRequest", summary = "Start processing", description = "Recorded in the timeline with the caller; publishes RequestStateChanged.")
    @ApiResponse(responseCode = "200", description = "The request after the step")
    RequestView start(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = false) StepBodies.Remark body) {
        return view(steps.start(caller, id, remark(body)));
    }

    @PostMapping("/{id}/complete")
    @WorkflowStep(of = RequestWorkflow.class, value = "complete")
    @Operation(operationId = "completeServiceRequest", summary = "Complete a request", description = "Ends the completion measure. Recorded in the timeline with the caller; publishes RequestStateChanged.")
    @ApiResponse(responseCode = "200", description = "The request after the step")
    RequestView complete(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = false) StepBodies.Remark body) {
        return view(steps.complete(caller, id, remark(body)));
    }

    @PostMapping("/{id}/refuse")
    @WorkflowStep(of = RequestWorkflow.class, value = "refuse")
    @Operation(operationId = "refuseServiceRequest", summary = "Refuse a request", description = "With the reason, shown to the citizen. Recorded in the timeline with the caller; publishes RequestStateChanged.")
    @ApiResponse(responseCode = "200", description = "The request after the step")
    RequestView refuse(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = true) @Valid StepBodies.Reason body) {
        return view(steps.refuse(caller, id, body.reason()));
    }

    @PostMapping("/{id}/close")
    @WorkflowStep(of = RequestWorkflow.class, value = "close")
    @Operation(operationId = "closeServiceRequest", summary = "Close a request", description = "After completion or refusal. The citizen may then rate it. Recorded in the timeline with the caller; publishes RequestStateChanged.")
    @ApiResponse(responseCode = "200", description = "The request after the step")
    RequestView close(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = false) StepBodies.Remark body) {
        return view(steps.close(caller, id, remark(body)));
    }

    @PostMapping("/{id}/rate")
    @WorkflowStep(of = RequestWorkflow.class, value = "rate")
    @Operation(operationId = "rateServiceRequest", summary = "Rate a request", description = "The citizen who submitted it rates the closed request 1 to 5; publishes RequestRated. Recorded in the timeline with the caller; publishes RequestStateChanged.")
    @ApiResponse(responseCode = "200", description = "The request after the step")
    RequestView rate(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = true) @Valid StepBodies.Rating body) {
        return view(steps.rate(caller, id, body));
    }

    @PostMapping("/{id}/refer")
    @WorkflowStep(of = RequestWorkflow.class, value = "refer")
    @Operation(operationId = "referServiceRequest", summary = "Refer a request", description = "A dispute goes to MEDIATION, a crime to CASE, by RequestReferred; the citizen follows it from the request's referral (sourceReference = request id). Recorded in the timeline with the caller; publishes RequestStateChanged.")
    @ApiResponse(responseCode = "200", description = "The request after the step")
    RequestView refer(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = true) @Valid StepBodies.Referral body) {
        return view(steps.refer(caller, id, body));
    }

    @PostMapping("/{id}/assistance")
    @Allowed({Roles.WINDOW_CLERK, Roles.SUPERVISOR})
    @Operation(operationId = "askServiceRequestAssistance", summary = "Ask another agency for assistance", description = "Asks another station or department to confirm something (协查, the Wuhai case) with its own time limit; the request shows \"waiting for\" it until it replies. Recorded in the request's timeline.")
    @ApiResponse(responseCode = "200", description = "The request with its assistance")
    @ApiResponse(responseCode = "409", description = "Assistance is asked only while a request is prechecked, "
            + "accepted or in process", content = @Content(mediaType = Docs.PROBLEM,
                    schema = @Schema(implementation = ProblemDetail.class)))
    RequestView askAssistance(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = true) @Valid StepBodies.Ask body) {
        return view(assistance.ask(caller, id, body));
    }

    @PostMapping("/{id}/assistance/{assistanceId}/remind")
    @WorkflowStep(of = AssistanceWorkflow.class, value = "remind")
    @Operation(operationId = "remindServiceRequestAssistance", summary = "Remind the other agency", description = "Records a reminder (催办) of an unanswered assistance. Recorded in the request's timeline.")
    @ApiResponse(responseCode = "200", description = "The request with its assistance")
    RequestView remindAssistance(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id, @Parameter(example = "as-1a2b3c4d") @PathVariable String assistanceId,
            @RequestBody(required = false) StepBodies.Remark body) {
        return view(assistance.remind(caller, id, assistanceId));
    }

    @PostMapping("/{id}/assistance/{assistanceId}/withdraw")
    @WorkflowStep(of = AssistanceWorkflow.class, value = "withdraw")
    @Operation(operationId = "withdrawServiceRequestAssistance", summary = "Withdraw an assistance request", description = "The question no longer needs an answer (the applicant brought proof, or the request was settled otherwise) with the reason, and the request stops waiting for it. Recorded in the request's timeline.")
    @ApiResponse(responseCode = "200", description = "The request with its assistance")
    RequestView withdrawAssistance(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id, @Parameter(example = "as-1a2b3c4d") @PathVariable String assistanceId,
            @RequestBody(required = true) @Valid StepBodies.Reason body) {
        return view(assistance.withdraw(caller, id, assistanceId, body.reason()));
    }

    @PostMapping("/{id}/assistance/{assistanceId}/reply")
    @WorkflowStep(of = AssistanceWorkflow.class, value = "reply")
    @Operation(operationId = "replyServiceRequestAssistance", summary = "Record the other agency's reply", description = "The answer, typed at the handling window or sent by the agency's own system (only to a question whose agencyClientId names it; it gets back the request's number, item, state and its own questions, nothing of the applicant); ends the wait. Recorded in the request's timeline.")
    @ApiResponse(responseCode = "200", description = "The request with its assistance")
    RequestView replyAssistance(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id, @Parameter(example = "as-1a2b3c4d") @PathVariable String assistanceId,
            @RequestBody(required = true) @Valid StepBodies.Reply body) {
        ServiceRequest replied = assistance.reply(caller, id, assistanceId, body);
        // the agency's own system learns nothing of the request beyond its question
        return RequestStore.isOnlySystem(caller) ? RequestView.forAgency(replied, caller.subject(), clock.instant())
                : view(replied);
    }

    private RequestView view(ServiceRequest request) {
        return RequestView.of(request, applicants.masked(request.applicant), clock.instant());
    }

    private static String remark(StepBodies.Remark body) {
        return body == null ? null : body.remark();
    }
}
