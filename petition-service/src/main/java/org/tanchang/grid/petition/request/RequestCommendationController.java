package org.tanchang.grid.petition.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.commendation.CommendationList;
import org.tanchang.grid.platform.commendation.CommendationView;
import org.tanchang.grid.platform.commendation.Commendations;
import org.tanchang.grid.platform.commendation.RecordCommendation;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.workflow.WorkflowStep;

/** Banners and letters of thanks (锦旗, 感谢信) for the window's work on a request, as a step and a list. */
@RestController
@RequestMapping("/api/service-requests/{id}/commendations")
@Tag(name = "Service requests")
class RequestCommendationController {

    private static final String ID_EXAMPLE = "req-7d1c4e2a";

    private final RequestCommendations commendations;

    RequestCommendationController(RequestCommendations commendations) {
        this.commendations = commendations;
    }

    @PostMapping
    @WorkflowStep(of = RequestWorkflow.class, value = "commend")
    @Operation(operationId = "commendServiceRequest", summary = "Record a banner or letter of thanks (锦旗, 感谢信)",
            description = "Once the request is completed, by its handling window: kind, inscription or text, the day "
            + "it was received, who gave it (stored encrypted, shown masked) and the staff it thanks, each of whom "
            + "must have a step on the request. Appears on the timeline; publishes RequestCommended (no giver data), "
            + "which the statistics and the member assessment count.")
    @ApiResponse(responseCode = "201", description = "The commendation, giver masked")
    ResponseEntity<CommendationView> commend(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id,
            @Valid @RequestBody RecordCommendation body) {
        return ResponseEntity.created(URI.create("/api/service-requests/" + id + "/commendations"))
                .body(Commendations.view(commendations.record(caller, id, body)));
    }

    @GetMapping
    @Allowed({Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listServiceRequestCommendations", summary = "List a request's commendations",
            description = "Oldest first, givers masked, if the request is in the caller's area (else 404).")
    @ApiResponse(responseCode = "200", description = "The commendations")
    CommendationList list(Caller caller, @Parameter(example = ID_EXAMPLE) @PathVariable String id) {
        return commendations.list(caller, id);
    }
}
