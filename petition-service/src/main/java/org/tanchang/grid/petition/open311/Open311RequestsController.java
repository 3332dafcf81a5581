package org.tanchang.grid.petition.open311;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.petition.catalogue.Catalogue;
import org.tanchang.grid.petition.catalogue.CatalogueItem;
import org.tanchang.grid.petition.request.RequestView;
import org.tanchang.grid.petition.request.SubmitRequest;
import org.tanchang.grid.petition.request.WindowRequests;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;

/** Requests through Open311: posted, listed and read under the same rules as the window's request API. */
@RestController
@Tag(name = Open311Docs.TAG)
class Open311RequestsController {

    /** The specification's defaults: without dates, the last 90 days; at most 1000 requests. */
    private static final Duration DEFAULT_SPAN = Duration.ofDays(90);
    private static final int MAX_RESULTS = 1000;

    private final WindowRequests requests;
    private final Validator validator;
    private final Open311Locations locations;
    private final Catalogue catalogue;
    private final Clock clock;

    Open311RequestsController(WindowRequests requests, Validator validator,
            Open311Locations locations, Catalogue catalogue, Clock clock) {
        this.requests = requests;
        this.validator = validator;
        this.locations = locations;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @PostMapping(path = "/open311/v2/requests." + Open311Format.PATTERN,
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Allowed(value = {Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.SYSTEM},
            scopes = Scopes.PETITION_WRITE)
    @Operation(operationId = "submitOpen311Request", summary = "Open311: create a request", description = "Form-encoded as the specification defines: "
            + "service_code, lat, long, address_string, address_id, email, device_id, account_id, first_name, "
            + "last_name, phone, description, media_url, attribute[code]. Only service_code, a location and the "
            + "service definition's required attributes are required; the grid is attribute[gridCode], else the "
            + "grid whose boundary holds lat/long (400 outside every grid). 404 for an unknown service_code. Checked "
            + "and stored as POST /api/service-requests (a citizen applies from the APP and only for online items; "
            + "other systems as OTHER_SYSTEM); the address is stored encrypted, email, device_id and account_id are "
            + "not stored. 201 with [service_request_id, service_notice, account_id]." + Open311Docs.BEARER,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE, schema = @Schema(
                    implementation = Open311Model.RequestForm.class))))
    @ApiResponse(responseCode = "201", description = "Created", content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(
                    implementation = Open311Model.Created.class)), examples = @ExampleObject(
                    value = Open311Docs.CREATED_JSON)),
            @Content(mediaType = "application/xml", examples = @ExampleObject(value = "<service_requests><request>"
                    + "<service_request_id>req-3f0c2a9e</service_request_id><service_notice>…</service_notice>"
                    + "<account_id></account_id></request></service_requests>"))})
    @ApiResponse(responseCode = "400", description = "Invalid form: one error per field; nothing stored",
            content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(
                    implementation = Open311Model.Error.class)), examples = @ExampleObject(value = Open311Docs.ERRORS_JSON)))
    @ApiResponse(responseCode = "401", description = "No valid bearer token", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = Open311Model.Error.class))))
    @ApiResponse(responseCode = "403", description = "Role not allowed, or the grid is outside the caller's area",
            content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(
                    implementation = Open311Model.Error.class))))
    @ApiResponse(responseCode = "404", description = "No such active service_code; nothing stored", content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(
                    implementation = Open311Model.Error.class)), examples = @ExampleObject(value = Open311Docs.UNKNOWN_JSON)),
            @Content(mediaType = "application/xml", examples = @ExampleObject(value = Open311Docs.UNKNOWN_XML))})
    ResponseEntity<Open311Model.CreatedRequests> create(Caller caller, @Parameter(example = "json") @PathVariable String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form) {
        String code = form.getFirst("service_code");
        if (code == null || code.isBlank()) {
            throw Open311Exception.badRequest("service_code: is required");
        }
        if (catalogue.find(code).filter(CatalogueItem::active).isEmpty()) {
            throw Open311Exception.unknownService(code);
        }
        Open311Locations.Placed placed = locations.place(form);
        SubmitRequest input = Open311Requests.submission(form, placed.gridCode());
        List<FieldError> invalid = Stream.concat(placed.errors().stream(), validator.validate(input).stream()
                .filter(v -> !optionalHere(v.getPropertyPath().toString(), input))
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage())))
                .sorted(Comparator.comparing(FieldError::field)).toList();
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        RequestView created = requests.submit(caller, input);
        return ResponseEntity.created(URI.create("/open311/v2/requests/" + created.id() + "." + format))
                .contentType(Open311Format.of(format).mediaType).body(new Open311Model.CreatedRequests(
                        List.of(new Open311Model.Created(created.id(), Open311Requests.notice(created), null))));
    }

    @GetMapping("/open311/v2/requests." + Open311Format.PATTERN)
    @Allowed(value = {Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN, Roles.SYSTEM},
            scopes = Scopes.PETITION_READ)
    @Parameter(name = "jurisdiction_id", in = ParameterIn.QUERY, description = Open311Docs.JURISDICTION,
            schema = @Schema(type = "string"))
    @Operation(operationId = "listOpen311Requests", summary = "Open311: list requests", description = "Staff see the requests their window handles, a "
            + "citizen their own, another system those it submitted (nothing else), newest first, at most 1000. service_request_id (comma-separated) overrides the other filters; "
            + "without start_date/end_date the last 90 days. status open = SUBMITTED, PRECHECKED, INCOMPLETE, "
            + "ACCEPTED, IN_PROCESS; closed = COMPLETED, REFUSED, CLOSED, RATED, REFERRED." + Open311Docs.BEARER)
    @ApiResponse(responseCode = "200", description = "The requests", content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(
                    implementation = Open311Model.Request.class))),
            @Content(mediaType = "application/xml", examples = @ExampleObject(value = Open311Docs.REQUESTS_XML))})
    @ApiResponse(responseCode = "400", description = "Invalid date or status", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = Open311Model.Error.class))))
    @ApiResponse(responseCode = "401", description = "No valid bearer token", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = Open311Model.Error.class))))
    @ApiResponse(responseCode = "403", description = "Role not allowed", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = Open311Model.Error.class))))
    ResponseEntity<Open311Model.Requests> list(Caller caller, @Parameter(example = "json") @PathVariable String format,
            @Parameter(description = "Comma-separated ids") @RequestParam(name = "service_request_id", required = false)
            String ids,
            @Parameter(description = "Comma-separated service codes", example = "ID-APPLY,HR-BIRTH")
            @RequestParam(name = "service_code", required = false) String code,
            @Parameter(example = "2026-11-01T00:00:00+08:00") @RequestParam(name = "start_date", required = false)
            String start,
            @Parameter(example = "2026-11-30T00:00:00+08:00") @RequestParam(name = "end_date", required = false)
            String end,
            @Parameter(description = "open, closed or both (comma-separated)", example = "open")
            @RequestParam(required = false) String status) {
        List<RequestView> found;
        if (ids != null && !ids.isBlank()) {
            // the specification: service_request_id makes the other filters ignored
            found = requests.search(caller, new WindowRequests.Search(Arrays.stream(ids.split(","))
                    .map(String::strip).toList(), null, null, null, null, MAX_RESULTS));
        } else {
            if (status != null && !Arrays.stream(status.split(",")).map(String::strip)
                    .allMatch(s -> s.equals("open") || s.equals("closed"))) {
                throw Open311Exception.badRequest("status: must be open, closed or both");
            }
            Instant to = instant("end_date", end);
            Instant given = instant("start_date", start);
            Instant from = given == null && to == null ? clock.instant().minus(DEFAULT_SPAN) : given;
            List<String> codes = code == null || code.isBlank() ? Collections.singletonList(null)
                    : Arrays.stream(code.split(",")).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
            // the specification's comma list of service codes: one search each, merged newest first
            found = codes.stream().flatMap(c -> requests.search(caller, new WindowRequests.Search(null, c, from, to,
                    new HashSet<>(Open311Requests.states(status)), MAX_RESULTS)).stream())
                    .sorted(Comparator.comparing(RequestView::submittedAt).reversed()).limit(MAX_RESULTS).toList();
        }
        return Open311Format.of(format).answer(HttpStatus.OK, new Open311Model.Requests(
                found.stream().map(Open311Requests::request).toList()));
    }

    @GetMapping("/open311/v2/requests/{service_request_id}." + Open311Format.PATTERN)
    @Allowed(value = {Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN, Roles.SYSTEM},
            scopes = Scopes.PETITION_READ)
    @Parameter(name = "jurisdiction_id", in = ParameterIn.QUERY, description = Open311Docs.JURISDICTION,
            schema = @Schema(type = "string"))
    @Operation(operationId = "getOpen311Request", summary = "Open311: get a request", description = "One request as a list of one, as the "
            + "specification has it; 404 outside the caller's scope as for a missing one (another system sees "
            + "only what it submitted)." + Open311Docs.BEARER)
    @ApiResponse(responseCode = "200", description = "The request", content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(
                    implementation = Open311Model.Request.class))),
            @Content(mediaType = "application/xml", examples = @ExampleObject(value = Open311Docs.REQUESTS_XML))})
    @ApiResponse(responseCode = "401", description = "No valid bearer token", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = Open311Model.Error.class))))
    @ApiResponse(responseCode = "403", description = "Role not allowed", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = Open311Model.Error.class))))
    @ApiResponse(responseCode = "404", description = "No such request visible to the caller", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = Open311Model.Error.class))))
    ResponseEntity<Open311Model.Requests> get(Caller caller, @Parameter(example = "json") @PathVariable String format,
            @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable("service_request_id")
            String id) {
        return Open311Format.of(format).answer(HttpStatus.OK, new Open311Model.Requests(
                List.of(Open311Requests.request(requests.get(caller, id)))));
    }

    /**
     * What the window's API requires and Open311 does not: first_name/last_name are optional in the specification
     * (the required applicantIdNumber attribute identifies the applicant), and a missing grid was already reported
     * by the location check in the specification's terms.
     */
    private static boolean optionalHere(String path, SubmitRequest input) {
        return path.equals("applicant.name") && input.applicant().name() == null
                || path.equals("gridCode") && input.gridCode() == null;
    }

    private static Instant instant(String name, String text) {
        try {
            return text == null || text.isBlank() ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badRequest(name + ": must be a W3C date-time such as 2026-11-29T10:15:00+08:00");
        }
    }
}
