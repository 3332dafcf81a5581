package org.tanchang.grid.cases.incident;

import static org.tanchang.grid.cases.incident.IncidentApiExamples.FORBIDDEN_EXAMPLE;
import static org.tanchang.grid.cases.incident.IncidentApiExamples.PROBLEM;
import static org.tanchang.grid.cases.incident.IncidentApiExamples.REPORT_EXAMPLE;
import static org.tanchang.grid.cases.incident.IncidentApiExamples.VALIDATION_EXAMPLE;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.personaldata.Disclosure;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;

/** Reporting an incident (optionally keyed for safe retries) and reading one, masked unless disclosed. */
@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents", description = "Police incidents (警情/案件) from 110 calls, walk-ins, referrals and the "
        + "INCIDENT findings of patrol reports. Each gets a case number and publishes IncidentOpened. Callers see "
        + "and report incidents only in their own area; the reporter's personal data is stored encrypted and shown "
        + "masked.")
class IncidentController {

    private final Incidents incidents;
    private final IncidentReporters reporters;
    private final Disclosure disclosure;
    private final Clock clock;
    private final IncidentTypes types;
    private final GridPlacement placement;

    IncidentController(Incidents incidents, IncidentReporters reporters, Disclosure disclosure, Clock clock,
            IncidentTypes types, GridPlacement placement) {
        this.types = types;
        this.placement = placement;
        this.incidents = incidents;
        this.reporters = reporters;
        this.disclosure = disclosure;
        this.clock = clock;
    }

    @PostMapping
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SYSTEM}, scopes = Scopes.CASES_WRITE)
    @Operation(operationId = "reportIncident",
            summary = "Report an incident", description = "Registers a 110 call, walk-in, referral or another "
            + "system's report in a grid of the caller's area: the incident starts in REPORTED with a case number "
            + "(621223-yyyyMMdd-nnnnn), the caller as the first step's actor, and IncidentOpened is published "
            + "(without the reporter's personal data). The reporter's details are stored encrypted and the response "
            + "shows them masked. Send an Idempotency-Key to make a retry safe: a repeat by the same caller returns "
            + "the first incident with 200 (keys of different callers never meet). Invalid input and a grid outside "
            + "the caller's area are refused before anything is stored or numbered.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReportIncident.class),
            examples = @ExampleObject(name = "walk-in", summary = "Herb theft reported at the station",
                    value = REPORT_EXAMPLE)))
    @ApiResponse(responseCode = "201", description = "Incident registered",
            headers = @Header(name = "Location", description = "URL of the new incident",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "200", description = "Repeat of the caller's earlier report with the same "
            + "Idempotency-Key")
    @ApiResponse(responseCode = "400", description = "Invalid, malformed or unknown fields (including an invalid "
            + "identity or mobile number of the reporter); nothing was stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = VALIDATION_EXAMPLE)))
    @ApiResponse(responseCode = "403", description = "The caller's role may not report incidents, or the grid is "
            + "outside the caller's area; nothing was stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = FORBIDDEN_EXAMPLE)))
    ResponseEntity<IncidentView> report(Caller caller, @Valid @RequestBody ReportIncident request,
            @Parameter(description = "Caller-chosen key (8 to 128 characters) that makes a retried report return "
                    + "the first result; scoped to the caller", example = "desk-lichuan-20261129-0007")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 8, max = 128)
            String idempotencyKey) {
        List<FieldError> refusals = new ArrayList<>(request.refusals(clock.instant(), types));
        var location = request.location() == null ? null : request.location().toGeoPoint();
        Incident.Placement where = placement.place(request.gridCode(), location,
                request.townshipCode() != null ? request.townshipCode() : GridPlacement.townshipOf(caller.scope()));
        if (where.gridCode() == null && where.townshipCode() == null) {
            refusals.add(new FieldError("townshipCode", "is required when the incident cannot be placed in a grid "
                    + "(no grid, and no location inside one) and the caller's area spans several townships"));
        }
        if (!refusals.isEmpty()) {
            throw ProblemException.invalid(refusals);
        }
        Visibility.requireArea(caller, where.areaCode());
        Incident.Report report = new Incident.Report(request.source(), request.sourceReference(), where,
                request.description(), location,
                request.reportedAt() == null ? null : request.reportedAt().toInstant(), caller.subject(),
                request.source().remark(), reporters.protect(request.reporter()), request.type(), request.subType(),
                request.urgency(), request.citizenId(), caller.name());
        if (idempotencyKey == null) {
            return created(incidents.open(report));
        }
        Incidents.Opened opened = incidents.openOnce(caller, idempotencyKey, report);
        return opened.created() ? created(opened.incident())
                : ResponseEntity.ok(IncidentView.masked(opened.incident()));
    }

    private static ResponseEntity<IncidentView> created(Incident incident) {
        return ResponseEntity.created(URI.create("/api/incidents/" + incident.id)).body(IncidentView.masked(incident));
    }
}
