package org.tanchang.grid.cases.incident;

import static org.tanchang.grid.cases.incident.IncidentApiExamples.NOT_FOUND_EXAMPLE;
import static org.tanchang.grid.cases.incident.IncidentApiExamples.PROBLEM;
import static org.tanchang.grid.cases.incident.IncidentApiExamples.UNMASK_FORBIDDEN_EXAMPLE;
import static org.tanchang.grid.cases.incident.IncidentApiExamples.VALIDATION_EXAMPLE;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.personaldata.Disclosure;
import org.tanchang.grid.platform.personaldata.IdNumber;
import org.tanchang.grid.platform.personaldata.Mobile;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.Ranges;

/** Reading incidents: one with its timeline (masked unless disclosed), and the filtered list of the caller's area. */
@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents", description = "Police incidents (警情/案件) from 110 calls, walk-ins, referrals and the "
        + "INCIDENT findings of patrol reports. Each gets a case number and publishes IncidentOpened. Callers see "
        + "and report incidents only in their own area; the reporter's personal data is stored encrypted and shown "
        + "masked.")
class IncidentQueryController {

    private final Incidents incidents;
    private final IncidentReporters reporters;
    private final Disclosure disclosure;

    IncidentQueryController(Incidents incidents, IncidentReporters reporters, Disclosure disclosure) {
        this.incidents = incidents;
        this.reporters = reporters;
        this.disclosure = disclosure;
    }

    @GetMapping("/{id}")
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR, Roles.ADMIN,
            Roles.SYSTEM, Roles.CITIZEN}, scopes = Scopes.CASES_READ)
    @Operation(operationId = "getIncident",
            summary = "Get an incident", description = "The incident with its case number and full timeline, if "
            + "it lies in the caller's area, or for a citizen if they reported it signed in (else 404, as for an "
            + "unknown id). The reporter's personal data is masked; "
            + "with unmask=true a role allowed to see personal data gets it in plain, and that read is recorded in "
            + "the audit trail.")
    @ApiResponse(responseCode = "200", description = "The incident")
    @ApiResponse(responseCode = "403", description = "The caller's role may not read incidents, or asked for "
            + "unmask=true without a role that may see personal data (the refusal is audited)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = UNMASK_FORBIDDEN_EXAMPLE)))
    @ApiResponse(responseCode = "404", description = "No such incident in the caller's area",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = NOT_FOUND_EXAMPLE)))
    IncidentView get(Caller caller,
            @Parameter(example = "inc-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @Parameter(description = "true to show the reporter's personal data in plain. Only roles allowed to see "
                    + "personal data (tanchang.security.unmask-roles; of this endpoint's roles OFFICER and "
                    + "SUPERVISOR by default) may ask, else 403; every such request is recorded in the audit trail "
                    + "(READ_UNMASKED)", example = "false")
            @RequestParam(defaultValue = "false") boolean unmask) {
        Incident incident = incidents.get(caller, id);
        // after the scope check, so an incident outside the area stays a 404 whatever is asked
        if (disclosure.unmask(caller, unmask, "incidents", incident.id)) {
            return IncidentView.of(incident, reporters.revealed(incident.reporter));
        }
        return IncidentView.masked(incident);
    }

    @GetMapping
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR, Roles.ADMIN,
            Roles.SYSTEM}, scopes = Scopes.CASES_READ)
    @Operation(operationId = "listIncidents",
            summary = "List incidents", description = "The incidents in the caller's area, newest case number "
            + "first. All filters are optional and combine with AND; sourceReference finds the incidents opened "
            + "from one patrol report; reporterPhone and reporterIdNumber find a reporter's incidents by the exact "
            + "number (compared by keyed hash, never stored in plain). Reporters are always masked here.")
    @ApiResponse(responseCode = "200", description = "A page of incidents")
    @ApiResponse(responseCode = "400", description = "Invalid filter (including an invalid mobile or identity "
            + "number) or paging (size is at most 100)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = VALIDATION_EXAMPLE)))
    @ApiResponse(responseCode = "403", description = "The caller's role may not read incidents",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Page<IncidentView> list(Caller caller,
            @Parameter(description = "15-digit grid code",
                    schema = @Schema(type = "string", pattern = "\\d{15}", example = "621223101001001"))
            @RequestParam(required = false) @Pattern(regexp = "\\d{15}", message = "must be a 15-digit grid code")
            String gridCode,
            @Parameter(example = "REPORTED") @RequestParam(required = false) IncidentState state,
            @Parameter(example = "PATROL_FINDING") @RequestParam(required = false) IncidentSource source,
            @Parameter(description = "Id of what the incidents came from, e.g. a patrol report id",
                    example = "pr-8d1f4c7a-2b3e-4f60-9c1d-7e5a3b2c1d0e")
            @RequestParam(required = false) @Size(max = 128) String sourceReference,
            @Parameter(description = "The reporter's mobile number, exact; +86, spaces and hyphens are ignored",
                    schema = @Schema(type = "string", example = "13800138000"))
            @RequestParam(required = false) @Mobile String reporterPhone,
            @Parameter(description = "The reporter's 18-character identity number, exact",
                    schema = @Schema(type = "string", example = "110105194901020123"))
            @RequestParam(required = false) @IdNumber String reporterIdNumber,
            @Parameter(example = "HERB_THEFT") @RequestParam(required = false) IncidentType type,
            @Parameter(description = "9-digit township code",
                    schema = @Schema(type = "string", pattern = "\\d{9}", example = "621223101"))
            @RequestParam(required = false) @Pattern(regexp = "\\d{9}", message = "must be a 9-digit township code")
            String townshipCode,
            @Parameter(description = "true: only incidents whose current step is overdue (red flag)", example = "true")
            @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "true: only incidents waiting in a township queue without a grid",
                    example = "true") @RequestParam(required = false) Boolean unplaced,
            @Parameter(description = "Reported at or after", example = "2026-11-01T00:00:00+08:00")
            @RequestParam(required = false) OffsetDateTime reportedFrom,
            @Parameter(description = "Reported before", example = "2026-12-01T00:00:00+08:00")
            @RequestParam(required = false) OffsetDateTime reportedTo,
            @Parameter(description = "Licence plate of a vehicle involved, exact", example = "甘J12345")
            @RequestParam(required = false) @Pattern(regexp = DetailRequests.PLATE,
                    message = "must be a mainland licence plate such as 甘J12345") String plate,
            @Parameter(description = "Identity number of a person involved, exact (compared by keyed hash)",
                    schema = @Schema(type = "string", example = "110105194901020123"))
            @RequestParam(required = false) @IdNumber String personIdNumber,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Ranges.requireOrdered("reportedFrom", reportedFrom, "reportedTo", reportedTo);
        return incidents.list(caller, new Incidents.Filter(gridCode, state, source, sourceReference, reporterPhone,
                reporterIdNumber, type, townshipCode, overdue, reportedFrom == null ? null : reportedFrom.toInstant(),
                reportedTo == null ? null : reportedTo.toInstant(), unplaced, plate, personIdNumber), page, size);
    }
}
