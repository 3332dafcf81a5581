package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;

/** What the handling of a case collects. The police of the incident's area write; the same readers see it. */
@RestController
@RequestMapping("/api/incidents/{id}")
@Tag(name = "Incident details", description = "Evidence (URL, type, SHA-256), amounts in fen, vehicles by licence "
        + "plate and persons involved (personal data encrypted, shown masked)")
@ApiResponse(responseCode = "200", description = "The incident with the detail added")
@ApiResponse(responseCode = "400", description = "Invalid body (a malformed plate, hash, identity or mobile number, "
        + "a recovered amount above the amount involved); nothing was changed",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "409", description = "The incident is voided, closed or evaluated (reopen it first), "
        + "or changed meanwhile",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class IncidentDetailsController {

    private final IncidentDetails details;

    IncidentDetailsController(IncidentDetails details) {
        this.details = details;
    }

    @PostMapping("/evidence")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(operationId = "addIncidentEvidence",
            summary = "Add evidence", description = "A photo, video, audio or document by its https URL, pinned "
            + "by its SHA-256 so a changed file is noticed.")
    IncidentView evidence(Caller caller, @PathVariable String id, @Valid @RequestBody DetailRequests.Evidence body) {
        return IncidentView.masked(details.addEvidence(caller, id, body));
    }

    @PutMapping("/money")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(operationId = "setIncidentMoney",
            summary = "Set the amounts involved and recovered", description = "In fen (200000 = 2,000 yuan); a "
            + "value left out keeps the one stored.")
    IncidentView money(Caller caller, @PathVariable String id, @Valid @RequestBody DetailRequests.Money body) {
        return IncidentView.masked(details.setMoney(caller, id, body));
    }

    @PostMapping("/vehicles")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(operationId = "addIncidentVehicle",
            summary = "Add a vehicle involved", description = "By its licence plate (甘J12345; new-energy plates "
            + "have six characters after the letter); incidents are then found by plate (GET /api/incidents?plate=).")
    IncidentView vehicle(Caller caller, @PathVariable String id, @Valid @RequestBody DetailRequests.Vehicle body) {
        return IncidentView.masked(details.addVehicle(caller, id, body));
    }

    @PostMapping("/persons")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(operationId = "addIncidentPerson",
            summary = "Add a person involved", description = "Victim, suspect, witness; name, identity number "
            + "and phone are stored encrypted with a keyed hash for exact search (GET /api/incidents?personIdNumber=) "
            + "and shown masked.")
    IncidentView person(Caller caller, @PathVariable String id, @Valid @RequestBody DetailRequests.Person body) {
        return IncidentView.masked(details.addPerson(caller, id, body));
    }
}
