package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;

/** The incident types and their sub-types (incident-types.json), for the desks' forms. */
@RestController
@Tag(name = "Incidents")
class IncidentTypesController {

    private final IncidentTypes types;

    IncidentTypesController(IncidentTypes types) {
        this.types = types;
    }

    @GetMapping("/api/incident-types")
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR, Roles.ADMIN,
            Roles.SYSTEM}, scopes = Scopes.CASES_READ)
    @Operation(operationId = "listIncidentTypes",
            summary = "Incident types and sub-types", description = "Every type with its sub-types (code and "
            + "Chinese label), as configured in incident-types.json.")
    @ApiResponse(responseCode = "200", description = "Type → sub-types")
    @ApiResponse(responseCode = "401", description = "No valid bearer token", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "The caller's role may not read incidents", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    Map<IncidentType, List<IncidentTypes.SubType>> list() {
        return types.all();
    }
}
