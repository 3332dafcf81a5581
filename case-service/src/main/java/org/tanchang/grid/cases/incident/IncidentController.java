package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.personaldata.Disclosure;
import org.tanchang.grid.platform.personaldata.IdNumber;
import org.tanchang.grid.platform.personaldata.Mobile;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.FieldError;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.ProblemException;

@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents", description = "Police incidents (警情/案件) from 110 calls, walk-ins, referrals and the "
        + "INCIDENT findings of patrol reports. Each gets a case number and publishes IncidentOpened. Callers see "
        + "and report incidents only in their own area; the reporter's personal data is stored encrypted and shown "
        + "masked.")
class IncidentController {

    /** Incidents are police records: the police and the grid staff of the area read them, citizens do not. */
    private static final String[] READERS = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.SYSTEM};

    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION_EXAMPLE = """
            {"type":"urn:tanchang-grid:problem:validation","title":"Validation failed","status":400,
             "detail":"1 field is invalid","instance":"/api/incidents","requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
             "errors":[{"field":"reporter.idNumber",
                        "message":"the check character of the identity number is wrong (mistyped digit?)"}]}""";
    private static final String UNAUTHORIZED_EXAMPLE = """
            {"type":"urn:tanchang-grid:problem:unauthorized","title":"Unauthorized","status":401,
             "detail":"A valid bearer token from the auth server is required","instance":"/api/incidents",
             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    private static final String FORBIDDEN_EXAMPLE = """
            {"type":"urn:tanchang-grid:problem:forbidden","title":"Forbidden","status":403,
             "detail":"Area 621223101001001 is outside your area of responsibility","instance":"/api/incidents",
             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    private static final String UNMASK_FORBIDDEN_EXAMPLE = """
            {"type":"urn:tanchang-grid:problem:forbidden","title":"Forbidden","status":403,
             "detail":"Your role may not see personal data without the mask",
             "instance":"/api/incidents/inc-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01",
             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"type":"urn:tanchang-grid:problem:not-found","title":"Not found","status":404,
             "detail":"Incident inc-404 does not exist","instance":"/api/incidents/inc-404",
             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    private static final String REPORT_EXAMPLE = """
            {"source":"WALK_IN","gridCode":"621223101001001",
             "description":"药材地里的当归被盗约200公斤，地边有三轮车车辙。",
             "location":{"longitude":104.3948,"latitude":34.0472},"reportedAt":"2026-11-29T09:40:00+08:00",
             "reporter":{"name":"李德明","idNumber":"110105194901020123","phone":"13800138000",
                         "address":"宕昌县理川镇杨家村三组12号"}}""";

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
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SYSTEM})
    @Operation(summary = "Report an incident", description = "Registers a 110 call, walk-in, referral or another "
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
            headers = @Header(name = "Location", description = "URL of the new incident"))
    @ApiResponse(responseCode = "200", description = "Repeat of the caller's earlier report with the same "
            + "Idempotency-Key")
    @ApiResponse(responseCode = "400", description = "Invalid, malformed or unknown fields (including an invalid "
            + "identity or mobile number of the reporter); nothing was stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = VALIDATION_EXAMPLE)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = UNAUTHORIZED_EXAMPLE)))
    @ApiResponse(responseCode = "403", description = "The caller's role may not report incidents, or the grid is "
            + "outside the caller's area; nothing was stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = FORBIDDEN_EXAMPLE)))
    ResponseEntity<IncidentView> report(Caller caller, @Valid @RequestBody ReportIncident request,
            @Parameter(description = "Caller-chosen key (8 to 128 characters) that makes a retried report return "
                    + "the first result; scoped to the caller", example = "desk-lichuan-20261129-0007")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 8, max = 128)
            String idempotencyKey) {
        List<FieldError> refusals = new java.util.ArrayList<>(request.refusals(clock.instant(), types));
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
                remarkOf(request.source()), reporters.protect(request.reporter()), request.type(), request.subType(),
                request.urgency(), request.citizenId());
        if (idempotencyKey == null) {
            return created(incidents.open(report));
        }
        Incidents.Opened opened = incidents.openOnce(idOf(caller, idempotencyKey), report);
        return opened.created() ? created(opened.incident())
                : ResponseEntity.ok(IncidentView.masked(opened.incident()));
    }

    @GetMapping("/{id}")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR, Roles.ADMIN,
            Roles.SYSTEM, Roles.CITIZEN})
    @Operation(summary = "Get an incident", description = "The incident with its case number and full timeline, if "
            + "it lies in the caller's area, or for a citizen if they reported it signed in (else 404, as for an "
            + "unknown id). The reporter's personal data is masked; "
            + "with unmask=true a role allowed to see personal data gets it in plain, and that read is recorded in "
            + "the audit trail.")
    @ApiResponse(responseCode = "200", description = "The incident")
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = UNAUTHORIZED_EXAMPLE)))
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
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR, Roles.ADMIN,
            Roles.SYSTEM})
    @Operation(summary = "List incidents", description = "The incidents in the caller's area, newest case number "
            + "first. All filters are optional and combine with AND; sourceReference finds the incidents opened "
            + "from one patrol report; reporterPhone and reporterIdNumber find a reporter's incidents by the exact "
            + "number (compared by keyed hash, never stored in plain). Reporters are always masked here.")
    @ApiResponse(responseCode = "200", description = "A page of incidents")
    @ApiResponse(responseCode = "400", description = "Invalid filter (including an invalid mobile or identity "
            + "number) or paging (size is at most 100)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = VALIDATION_EXAMPLE)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = UNAUTHORIZED_EXAMPLE)))
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
                    example = "13800138000")
            @RequestParam(required = false) @Mobile String reporterPhone,
            @Parameter(description = "The reporter's 18-character identity number, exact",
                    example = "110105194901020123")
            @RequestParam(required = false) @IdNumber String reporterIdNumber,
            @Parameter(example = "HERB_THEFT") @RequestParam(required = false) IncidentType type,
            @Parameter(description = "9-digit township code", example = "621223101")
            @RequestParam(required = false) @Pattern(regexp = "\\d{9}", message = "must be a 9-digit township code")
            String townshipCode,
            @Parameter(description = "true: only incidents whose current step is overdue (red flag)", example = "true")
            @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "true: only incidents waiting in a township queue without a grid",
                    example = "true") @RequestParam(required = false) Boolean unplaced,
            @Parameter(description = "Reported at or after", example = "2026-11-01T00:00:00+08:00")
            @RequestParam(required = false) java.time.OffsetDateTime reportedFrom,
            @Parameter(description = "Reported before", example = "2026-12-01T00:00:00+08:00")
            @RequestParam(required = false) java.time.OffsetDateTime reportedTo,
            @Parameter(description = "Licence plate of a vehicle involved, exact", example = "甘J12345")
            @RequestParam(required = false) @Pattern(regexp = DetailRequests.PLATE,
                    message = "must be a mainland licence plate such as 甘J12345") String plate,
            @Parameter(description = "Identity number of a person involved, exact (compared by keyed hash)",
                    example = "110105194901020123")
            @RequestParam(required = false) @IdNumber String personIdNumber,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return incidents.list(caller, new Incidents.Filter(gridCode, state, source, sourceReference, reporterPhone,
                reporterIdNumber, type, townshipCode, overdue, reportedFrom == null ? null : reportedFrom.toInstant(),
                reportedTo == null ? null : reportedTo.toInstant(), unplaced, plate, personIdNumber), page, size);
    }

    /**
     * The incident id a keyed report gets: derived from the caller and the key, so the same caller's retry finds its
     * first incident and another caller's equal key (two desks both counting from 0001) opens its own. The subject
     * is length-prefixed so that no subject/key pair can spell another one.
     */
    static String idOf(Caller caller, String idempotencyKey) {
        String subject = caller.subject();
        String name = "api:" + subject.length() + ":" + subject + ":" + idempotencyKey;
        return "inc-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<IncidentView> created(Incident incident) {
        return ResponseEntity.created(URI.create("/api/incidents/" + incident.id)).body(IncidentView.masked(incident));
    }

    private static String remarkOf(IncidentSource source) {
        return switch (source) {
            case CALL_110 -> "Reported by a 110 call";
            case WALK_IN -> "Reported in person at a police station";
            case REFERRAL -> "Referred by another unit";
            case REQUEST_REFERRAL -> "Referred from a one-window request";
            case MEDIATION_REFERRAL -> "Referred from a failed mediation";
            case OTHER_SYSTEM -> "Received from another system";
            case PATROL_FINDING -> "Found on patrol";
        };
    }
}
