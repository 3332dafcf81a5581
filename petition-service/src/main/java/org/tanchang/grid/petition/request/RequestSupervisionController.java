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

/** Supervision (督办) of a request by a supervisor. */
@RestController
@RequestMapping("/api/service-requests")
@Tag(name = "Service requests")
class RequestSupervisionController {

    private final RequestSupervision supervision;
    private final Applicants applicants;
    private final Clock clock;

    RequestSupervisionController(RequestSupervision supervision, Applicants applicants, Clock clock) {
        this.supervision = supervision;
        this.applicants = applicants;
        this.clock = clock;
    }

    @PostMapping("/{id}/supervise")
    @Allowed({Roles.SUPERVISOR})
    @Operation(operationId = "superviseServiceRequest", summary = "Supervise (督办) a request", description = "A supervisor presses for progress on an open request (SUBMITTED to IN_PROCESS), with the reason and optionally the county day by which it is expected (today or later, else 400). Not a step: state and promises stay. Recorded in the timeline; publishes RequestSupervised (the handler and the station's supervisors are told).")
    @ApiResponse(responseCode = "200", description = "The request with the supervision in its timeline")
    @ApiResponse(responseCode = "400", description = "Invalid body; nothing changed",
            content = @Content(mediaType = Docs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = Docs.VALIDATION)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Docs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = Docs.UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Docs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such request visible to the caller",
            content = @Content(mediaType = Docs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = Docs.NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "The request is no longer open",
            content = @Content(mediaType = Docs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = Docs.CONFLICT)))
    RequestView supervise(Caller caller,
            @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @RequestBody(required = true) @Valid RequestSupervision.Body body) {
        ServiceRequest request = supervision.supervise(caller, id, body);
        return RequestView.of(request, applicants.masked(request.applicant), clock.instant());
    }
}
