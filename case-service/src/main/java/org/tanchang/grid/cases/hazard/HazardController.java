package org.tanchang.grid.cases.hazard;

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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.ProblemExamples;

/** Recording a hazard directly and reading hazards in the caller's area. */
@RestController
@RequestMapping("/api/hazards")
@Tag(name = "Hazards", description = "Safety hazards (安全隐患) found in the grids, from the HAZARD findings of "
        + "patrol reports or recorded directly, followed until a re-inspection finds them removed (隐患不消除不放过). "
        + "Callers see hazards of their own area; the responsible party is stored encrypted and shown masked.")
class HazardController {

    static final String OPEN_EXAMPLE = """
            {"kind":"FIRE","riskLevel":"HIGH","gridCode":"621223101001001",
             "location":{"longitude":104.3948,"latitude":34.0472},
             "description":"村民家中柴火堆紧靠灶台，电线裸露。",
             "responsibleParty":{"name":"王建国","phone":"13800138000"}}""";

    private final Hazards hazards;
    private final HazardActions actions;

    HazardController(Hazards hazards, HazardActions actions) {
        this.hazards = hazards;
        this.actions = actions;
    }

    @PostMapping
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR})
    @Operation(operationId = "openHazard", summary = "Record a hazard",
            description = "Records a hazard found on the ground in a grid of the caller's area (else 403): it starts "
                    + "in REPORTED at the GRID level with the time limit for its rectification order, and "
                    + "HazardOpened is published (codes and ids only). An officer recording it becomes its "
                    + "responsible officer, a grid member its grid member, unless the body names others. Invalid "
                    + "input is refused before anything is stored.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = HazardRequests.Open.class),
            examples = @ExampleObject(name = "stove", summary = "Firewood against a stove", value = OPEN_EXAMPLE)))
    @ApiResponse(responseCode = "201", description = "Hazard recorded",
            headers = @Header(name = "Location", description = "URL of the new hazard",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "403", description = "The caller's role may not record hazards, or the grid is "
            + "outside the caller's area; nothing was stored", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<HazardView> open(Caller caller, @Valid @RequestBody HazardRequests.Open request) {
        Visibility.requireArea(caller, request.gridCode());
        boolean officer = caller.hasAnyRole(Roles.OFFICER);
        boolean member = caller.hasAnyRole(Roles.GRID_MEMBER);
        Hazard hazard = hazards.open(new Hazard.Report(HazardSource.DIRECT, null, request.kind(),
                request.riskLevel(), request.gridCode(), request.location().toGeoPoint(), request.description(),
                actions.protect(request.responsibleParty()),
                request.officerId() != null ? request.officerId() : officer ? caller.subject() : null,
                request.officerId() != null ? request.officerName() : officer ? caller.name() : null,
                request.memberId() != null ? request.memberId() : member ? caller.subject() : null,
                request.memberId() != null ? request.memberName() : member ? caller.name() : null,
                null, caller.subject(), caller.name()));
        return ResponseEntity.created(URI.create("/api/hazards/" + hazard.id)).body(HazardView.of(hazard));
    }

    @GetMapping("/{id}")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getHazard", summary = "Get a hazard",
            description = "The hazard with its rectification order, running time limit, level and full timeline, "
                    + "if it lies in the caller's area (else 404, as for an unknown id). The responsible party is "
                    + "masked.")
    @ApiResponse(responseCode = "200", description = "The hazard")
    HazardView get(Caller caller,
            @Parameter(example = "hzd-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") @PathVariable String id) {
        return HazardView.of(hazards.get(caller, id));
    }

    @GetMapping
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listHazards", summary = "List hazards",
            description = "The hazards in the caller's area, newest first. Filters are optional and combine with "
                    + "AND; overdue=true keeps those whose running limit is red; sourceReference finds the hazards "
                    + "of one patrol report.")
    @ApiResponse(responseCode = "200", description = "A page of hazards")
    @ApiResponse(responseCode = "400", description = "Invalid filter or paging (size is at most 100)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ProblemExamples.VALIDATION)))
    Page<HazardView> list(Caller caller,
            @Parameter(description = "15-digit grid code",
                    schema = @Schema(type = "string", pattern = "\\d{15}", example = "621223101001001"))
            @RequestParam(required = false) @Pattern(regexp = "\\d{15}", message = "must be a 15-digit grid code")
            String gridCode,
            @Parameter(example = "RECTIFYING") @RequestParam(required = false) HazardState state,
            @Parameter(example = "FIRE") @RequestParam(required = false) HazardKind kind,
            @Parameter(example = "HIGH") @RequestParam(required = false) RiskLevel riskLevel,
            @Parameter(example = "TOWNSHIP") @RequestParam(required = false) HazardLevel level,
            @Parameter(description = "Id of the patrol report the hazards came from",
                    example = "pr-8d1f4c7a-2b3e-4f60-9c1d-7e5a3b2c1d0e")
            @RequestParam(required = false) @Size(max = 128) String sourceReference,
            @Parameter(description = "true: only hazards whose running limit is overdue (red)", example = "true")
            @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return hazards.list(caller, new Hazards.Filter(gridCode, state, kind, riskLevel, level, sourceReference,
                overdue), page, size);
    }
}
