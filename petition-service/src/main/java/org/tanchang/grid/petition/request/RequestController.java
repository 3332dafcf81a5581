package org.tanchang.grid.petition.request;

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
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.petition.request.ProblemResponses.Invalid;
import org.tanchang.grid.petition.request.ProblemResponses.NotFound;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.personaldata.Disclosure;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.time.Times;

@RestController
@RequestMapping("/api/service-requests")
@Tag(name = "Service requests", description = "Requests at the one window (一站式服务窗口) from the window, the app, "
        + "the hotline or another system: precheck, every missing material at once, acceptance, processing, "
        + "completion or refusal, closing and the citizen's rating, with the item's promised times measured")
class RequestController {

    private final Requests requests;
    private final RequestStore store;
    private final Applicants applicants;
    private final Disclosure disclosure;
    private final MongoOperations mongo;
    private final CitizenLinks links;
    private final Clock clock;

    RequestController(Requests requests, RequestStore store, Applicants applicants, Disclosure disclosure,
            MongoOperations mongo, CitizenLinks links, Clock clock) {
        this.links = links;
        this.requests = requests;
        this.store = store;
        this.applicants = applicants;
        this.disclosure = disclosure;
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostMapping
    @Allowed(value = {Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.SYSTEM},
            scopes = Scopes.PETITION_WRITE)
    @Operation(operationId = "submitServiceRequest", summary = "Submit a request", description = "Checks the item (active; online if from the app), the "
            + "form's answers (required, known, typed), the materials (named as in the catalogue) and, for other "
            + "systems, that the grid is in their area; a window (clerk or supervisor) takes a resident of any grid "
            + "of the county and handles the request (windowCode), the home grid being an attribute; then stores the request in SUBMITTED with a number "
            + "(621223-SQ-yyyyMMdd-nnnnn), its promised times, and publishes RequestSubmitted. A citizen applies "
            + "from the APP for themselves; the window may name the citizen's account (citizenAccount) so they "
            + "follow and rate it; another system reads back only what it submitted. The applicant's identity "
            + "number and phone are stored encrypted.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SubmitRequest.class), examples = @ExampleObject(value = """
                    {"itemCode":"HR-BIRTH","gridCode":"621223101001001","channel":"WINDOW",
                     "applicant":{"name":"杨建国","idNumber":"110105194901020123","phone":"13800138000"},
                     "fields":{"childName":"杨小禾","childBirthDate":"2026-10-30","fatherName":"杨建国",
                               "motherName":"李秀兰","birthCertificateNumber":"Q620001234"},
                     "materials":["《出生医学证明》","父母双方居民户口簿"]}""")))
    @ApiResponse(responseCode = "201", description = "Submitted",
            headers = @Header(name = "Location", description = "URL of the new request",
                    schema = @Schema(type = "string", format = "uri")))
    @Invalid("Invalid input; nothing stored or published")
    @ApiResponse(responseCode = "403", description = "Role not allowed, or the grid is outside the county the "
            + "window serves (for another system: outside its areas)",
            content = @Content(mediaType = Docs.PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = Docs.FORBIDDEN)))
    ResponseEntity<RequestView> submit(Caller caller, @Valid @RequestBody SubmitRequest body) {
        ServiceRequest request = requests.submit(caller, body);
        return ResponseEntity.created(URI.create("/api/service-requests/" + request.id)).body(view(request));
    }

    @GetMapping
    @Allowed(value = {Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN, Roles.SYSTEM},
            scopes = Scopes.PETITION_READ)
    @Operation(operationId = "listServiceRequests", summary = "List requests", description = "Staff see the requests their window handles (supervisors "
            + "also those of residents of their area taken at another window, to read), a citizen those on their "
            + "account, another system those it submitted; newest number first; applicants masked. Filters combine with AND.")
    @ApiResponse(responseCode = "200", description = "A page of requests")
    @Invalid("Invalid filter or paging")
    Page<RequestView> list(Caller caller,
            @Parameter(example = "SUBMITTED") @RequestParam(required = false) RequestState state,
            @Parameter(example = "HR-BIRTH") @RequestParam(required = false) String itemCode,
            // quoted: a bare digit string becomes a JSON number example, the wrong type for a code
            @Parameter(example = "\"621223101001001\"") @RequestParam(required = false)
            @Pattern(regexp = "\\d{15}", message = "must be a 15-digit grid code") String gridCode,
            @Parameter(example = "621223-SQ-20261129-00001") @RequestParam(required = false) String number,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var query = Filters.where().matching(new Criteria().andOperator(RequestStore.visibleTo(caller)))
                .is("state", state).is("itemCode", itemCode).is("gridCode", gridCode).is("number", number).query();
        return Page.query(mongo, query, ServiceRequest.class, Sort.by(Sort.Direction.DESC, "number"), page, size,
                this::view);
    }

    @GetMapping("/{id}")
    @Allowed(value = {Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN, Roles.SYSTEM},
            scopes = Scopes.PETITION_READ)
    @Operation(operationId = "getServiceRequest", summary = "Get a request", description = "With its state, allowed actions, service level, assistance "
            + "(\"waiting for\" an agency) and referral. The applicant is masked; unmask=true shows it to a role "
            + "allowed to see personal data, and that read is audited.")
    @ApiResponse(responseCode = "200", description = "The request")
    @NotFound("No such request visible to the caller")
    RequestView get(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id,
            @Parameter(description = "true to see the applicant in plain (audited)", example = "false")
            @RequestParam(defaultValue = "false") boolean unmask) {
        ServiceRequest request = store.get(caller, id);
        if (disclosure.unmask(caller, unmask, "service-requests", request.id)) {
            return RequestView.of(request, applicants.revealed(request.applicant), clock.instant());
        }
        return view(request);
    }

    @PostMapping("/link")
    @Allowed({Roles.CITIZEN})
    @Operation(operationId = "linkServiceRequest", summary = "Link a window request to my account", description = "A citizen served at the window "
            + "without an account signs in and links the request with the receipt's number and their identity "
            + "number (compared by its keyed hash); they then follow and rate it. 404 when no request of that number "
            + "has that applicant, or it is already on another account; linking again answers the request.")
    @ApiResponse(responseCode = "200", description = "The request, now on the caller's account")
    @Invalid("Invalid body")
    @NotFound("No such request of this applicant to link")
    RequestView link(Caller caller, @Valid @RequestBody StepBodies.Link body) {
        return view(links.link(caller, body.number(), body.idNumber()));
    }

    @Schema(name = "RequestReceipt", description = "The receipt (受理回执) handed to the applicant")
    record Receipt(@Schema(example = "621223-SQ-20261129-00001") String number, String itemCode, String itemName,
            String responsibleUnit, @Schema(example = "杨*国") String applicant, List<String> materialsReceived,
            List<String> materialsMissing, OffsetDateTime submittedAt, OffsetDateTime firstResponseBy,
            @Schema(description = "Promised completion") OffsetDateTime promisedBy, String promisedTimeLimit) {
    }

    @GetMapping("/{id}/receipt")
    @Allowed(value = {Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN, Roles.SYSTEM},
            scopes = Scopes.PETITION_READ)
    @Operation(operationId = "getServiceRequestReceipt", summary = "Get a request's receipt", description = "Number, item, materials received and missing, "
            + "and the promised times; the applicant masked.")
    @ApiResponse(responseCode = "200", description = "The receipt")
    @NotFound("No such request visible to the caller")
    Receipt receipt(Caller caller, @Parameter(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id) {
        ServiceRequest r = store.get(caller, id);
        return new Receipt(r.number, r.itemCode, r.itemName, r.responsibleUnit, Applicants.masked(r.applicant.name()),
                List.copyOf(r.materials), List.copyOf(r.missingMaterials), Times.local(r.submittedAt),
                Times.local(r.firstResponseDueAt), Times.local(r.completionDueAt), r.completionLimit);
    }

    private RequestView view(ServiceRequest request) {
        return RequestView.of(request, applicants.masked(request.applicant), clock.instant());
    }
}
