package org.tanchang.grid.cases.incident;

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

/** Banners and letters of thanks (锦旗, 感谢信) for a closed case, as a step of its workflow and a list. */
@RestController
@RequestMapping("/api/incidents/{id}/commendations")
@Tag(name = "Incident workflow")
class IncidentCommendationController {

    private final IncidentCommendations commendations;

    IncidentCommendationController(IncidentCommendations commendations) {
        this.commendations = commendations;
    }

    @PostMapping
    @WorkflowStep(of = IncidentWorkflow.class, value = "commend")
    @Operation(operationId = "commendIncident", summary = "Record a banner or letter of thanks (锦旗, 感谢信)",
            description = "Once the case is closed: kind, inscription or text, the day it was received, who gave it "
            + "(stored encrypted, shown masked) and the staff it thanks, each of whom must have handled the case. "
            + "Appears on the timeline; publishes IncidentCommended (no giver data), which the statistics and the "
            + "member assessment count.")
    @ApiResponse(responseCode = "201", description = "The commendation, giver masked")
    ResponseEntity<CommendationView> commend(Caller caller,
            @Parameter(example = "inc-3f0c2a9e") @PathVariable String id,
            @Valid @RequestBody RecordCommendation body) {
        return ResponseEntity.created(URI.create("/api/incidents/" + id + "/commendations"))
                .body(Commendations.view(commendations.record(caller, id, body)));
    }

    @GetMapping
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listIncidentCommendations", summary = "List an incident's commendations",
            description = "Oldest first, givers masked, if the incident lies in the caller's area (else 404).")
    @ApiResponse(responseCode = "200", description = "The commendations")
    CommendationList list(Caller caller, @Parameter(example = "inc-3f0c2a9e") @PathVariable String id) {
        return commendations.list(caller, id);
    }
}
