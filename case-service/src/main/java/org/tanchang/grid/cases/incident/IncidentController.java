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
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.FieldError;
import org.tanchang.grid.platform.web.ProblemException;

@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents", description = "Police incidents (警情/案件) from 110 calls, walk-ins, referrals and the "
        + "INCIDENT findings of patrol reports. Each gets a case number and publishes IncidentOpened.")
class IncidentController {

    /**
     * The timeline's actor for reports made through the API. There is no authentication yet; when it arrives the
     * caller's identity replaces this.
     */
    static final String API_ACTOR = "api-client";

    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION_EXAMPLE = """
            {"type":"urn:tanchang-grid:problem:validation","title":"Validation failed","status":400,
             "detail":"1 field is invalid","instance":"/api/incidents","requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
             "errors":[{"field":"gridCode","message":"must be a 15-digit grid code"}]}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"type":"urn:tanchang-grid:problem:not-found","title":"Not found","status":404,
             "detail":"Incident inc-404 does not exist","instance":"/api/incidents/inc-404",
             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    private static final String REPORT_EXAMPLE = """
            {"source":"WALK_IN","gridCode":"621223101001001",
             "description":"药材地里的当归被盗约200公斤，地边有三轮车车辙。",
             "location":{"longitude":104.3948,"latitude":34.0472},"reportedAt":"2026-11-29T09:40:00+08:00"}""";

    private final Incidents incidents;
    private final Clock clock;

    IncidentController(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Report an incident", description = "Registers a 110 call, walk-in, referral or another "
            + "system's report: the incident starts in REPORTED with a case number (621223-yyyyMMdd-nnnnn) and "
            + "IncidentOpened is published. Send an Idempotency-Key to make a retry safe: a repeat returns the "
            + "first incident with 200. Invalid input is refused before anything is stored or numbered.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReportIncident.class),
            examples = @ExampleObject(name = "walk-in", summary = "Herb theft reported at the station",
                    value = REPORT_EXAMPLE)))
    @ApiResponse(responseCode = "201", description = "Incident registered",
            headers = @Header(name = "Location", description = "URL of the new incident"))
    @ApiResponse(responseCode = "200", description = "Repeat of an earlier report with the same Idempotency-Key")
    @ApiResponse(responseCode = "400", description = "Invalid, malformed or unknown fields; nothing was stored",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = VALIDATION_EXAMPLE)))
    ResponseEntity<IncidentView> report(@Valid @RequestBody ReportIncident request,
            @Parameter(description = "Client-chosen key (8 to 128 characters) that makes a retried report return "
                    + "the first result", example = "desk-lichuan-20261129-0007")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 8, max = 128)
            String idempotencyKey) {
        List<FieldError> refusals = request.refusals(clock.instant());
        if (!refusals.isEmpty()) {
            throw ProblemException.invalid(refusals);
        }
        Incident.Report report = new Incident.Report(request.source(), request.sourceReference(), request.gridCode(),
                request.description(), request.location() == null ? null : request.location().toGeoPoint(),
                request.reportedAt() == null ? null : request.reportedAt().toInstant(), API_ACTOR,
                remarkOf(request.source()));
        if (idempotencyKey == null) {
            return created(incidents.open(report));
        }
        // Keys are not yet scoped per caller (no authentication); the id is derived from the key alone.
        String id = "inc-" + UUID.nameUUIDFromBytes(("api:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        Incidents.Opened opened = incidents.openOnce(id, report);
        return opened.created() ? created(opened.incident()) : ResponseEntity.ok(IncidentView.of(opened.incident()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an incident", description = "The incident with its case number and timeline.")
    @ApiResponse(responseCode = "200", description = "The incident")
    @ApiResponse(responseCode = "404", description = "No such incident",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = NOT_FOUND_EXAMPLE)))
    IncidentView get(@Parameter(example = "inc-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id) {
        return IncidentView.of(incidents.get(id));
    }

    @GetMapping
    @Operation(summary = "List incidents", description = "Newest case number first. All filters are optional and "
            + "combine with AND; sourceReference finds the incidents opened from one patrol report.")
    @ApiResponse(responseCode = "200", description = "A page of incidents")
    @ApiResponse(responseCode = "400", description = "Invalid filter or paging (size is at most 100)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = VALIDATION_EXAMPLE)))
    Page<IncidentView> list(
            @Parameter(description = "15-digit grid code",
                    schema = @Schema(type = "string", pattern = "\\d{15}", example = "621223101001001"))
            @RequestParam(required = false) @Pattern(regexp = "\\d{15}", message = "must be a 15-digit grid code")
            String gridCode,
            @Parameter(example = "REPORTED") @RequestParam(required = false) IncidentState state,
            @Parameter(example = "PATROL_FINDING") @RequestParam(required = false) IncidentSource source,
            @Parameter(description = "Id of what the incidents came from, e.g. a patrol report id",
                    example = "pr-8d1f4c7a-2b3e-4f60-9c1d-7e5a3b2c1d0e")
            @RequestParam(required = false) @Size(max = 128) String sourceReference,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return incidents.list(gridCode, state, source, sourceReference, page, size);
    }

    private static ResponseEntity<IncidentView> created(Incident incident) {
        return ResponseEntity.created(URI.create("/api/incidents/" + incident.id)).body(IncidentView.of(incident));
    }

    private static String remarkOf(IncidentSource source) {
        return switch (source) {
            case CALL_110 -> "Reported by a 110 call";
            case WALK_IN -> "Reported in person at a police station";
            case REFERRAL -> "Referred by another unit";
            case OTHER_SYSTEM -> "Received from another system";
            case PATROL_FINDING -> "Found on patrol";
        };
    }
}
