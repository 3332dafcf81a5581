package org.tanchang.grid.cases.lost;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.commendation.CommendationList;
import org.tanchang.grid.platform.commendation.CommendationView;
import org.tanchang.grid.platform.commendation.Commendations;
import org.tanchang.grid.platform.commendation.RecordCommendation;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.workflow.WorkflowStep;

/** The owner's thanks (致信感谢, 锦旗) for a found item handed over, as a step of its workflow and a list. */
@RestController
@Tag(name = "Lost property")
class FoundItemCommendationController {

    private final FoundItemCommendations commendations;

    FoundItemCommendationController(FoundItemCommendations commendations) {
        this.commendations = commendations;
    }

    @PostMapping("/api/found-items/{id}/commendations")
    @WorkflowStep(of = FoundItemWorkflow.class, value = "commend")
    @Operation(operationId = "commendFoundItemHandover", summary = "Record thanks for a handover (致信感谢, 锦旗)",
            description = "Once the item is handed over: kind, inscription or text, the day it was received, who "
            + "gave it (stored encrypted, shown masked) and the staff it thanks, each of whom must have handled the "
            + "item. Appears on the item's timeline; publishes LostItemCommended (keyed by the lost report, no giver "
            + "data), which the statistics and the member assessment count.")
    @ApiResponse(responseCode = "201", description = "The commendation, giver masked")
    ResponseEntity<CommendationView> commend(Caller caller, @PathVariable String id,
            @Valid @RequestBody RecordCommendation body) {
        return ResponseEntity.created(URI.create("/api/found-items/" + id + "/commendations"))
                .body(Commendations.view(commendations.record(caller, id, body)));
    }

    @GetMapping("/api/found-items/{id}/commendations")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "listFoundItemCommendations", summary = "List the thanks for a found item's handover",
            description = "Oldest first, givers masked, if the item lies in the caller's area (else 404).")
    @ApiResponse(responseCode = "200", description = "The commendations")
    CommendationList list(Caller caller, @PathVariable String id) {
        return commendations.list(caller, id);
    }
}
