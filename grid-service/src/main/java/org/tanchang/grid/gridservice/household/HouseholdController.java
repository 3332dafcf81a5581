package org.tanchang.grid.gridservice.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.gridservice.ProblemResponses.BadRequest;
import org.tanchang.grid.gridservice.ProblemResponses.Conflict;
import org.tanchang.grid.gridservice.ProblemResponses.NotFound;
import org.tanchang.grid.gridservice.ProblemResponses.Unprocessable;
import org.tanchang.grid.platform.personaldata.IdNumber;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;

/** Households and residents of each grid (户不漏人), with care tags; personal data masked unless revealed. */
@RestController
@RequestMapping("/api/households")
@Tag(name = "Households", description = "Households and residents of the grids, with the people needing care")
class HouseholdController {

    private final Households households;

    HouseholdController(Households households) {
        this.households = households;
    }

    @PostMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createHousehold",
            summary = "Record a household", description = "A household of a grid in the caller's area with its "
            + "residents and care tags. Address, ID numbers (GB 11643) and mobile numbers are validated, stored "
            + "encrypted and shown masked.")
    @ApiResponse(responseCode = "201", description = "The household was recorded")
    @BadRequest("Invalid household (e.g. an ID number with a wrong check "
            + "digit); nothing was stored")
    @Unprocessable("The grid does not exist")
    ResponseEntity<HouseholdView> create(Caller caller, @Valid @RequestBody HouseholdRequests.CreateHousehold request) {
        HouseholdView created = households.create(caller, caller.subject(), request);
        return ResponseEntity.created(URI.create("/api/households/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "updateHousehold",
            summary = "Update a household", description = "Replaces what is recorded of a household of the "
            + "caller's area (address, unit, care tags, residents), validated and protected as on creation; moving "
            + "it to another grid needs that grid in the caller's area too.")
    @ApiResponse(responseCode = "200", description = "The household as now recorded, personal data masked")
    @BadRequest("Invalid household; nothing was changed")
    @NotFound("No such household in the caller's area")
    @Conflict("Changed meanwhile by someone else; read it again")
    @Unprocessable("The grid does not exist")
    HouseholdView update(Caller caller, @PathVariable String id,
            @Valid @RequestBody HouseholdRequests.CreateHousehold request) {
        return households.update(caller, id, request);
    }

    @GetMapping("/{id}")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getHousehold",
            summary = "Get a household", description = "A household of the caller's area; address, ID numbers "
            + "and mobiles in the clear only with unmask=true for a role allowed to see them (audited).")
    @ApiResponse(responseCode = "200", description = "The household")
    @NotFound("No such household in the caller's area")
    HouseholdView get(Caller caller, @PathVariable String id,
            @Parameter(description = "Show personal data in the clear (audited)")
            @RequestParam(defaultValue = "false") boolean unmask) {
        return households.get(caller, id, unmask);
    }

    @GetMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listHouseholds",
            summary = "List households", description = "Households of the caller's area, optionally of one grid, "
            + "with a care tag (on the household or a resident), or with a resident of an exact ID number (matched "
            + "by its keyed hash; the number is never stored or searched in the clear).")
    @ApiResponse(responseCode = "200", description = "A page of households, personal data masked")
    @BadRequest("Invalid filter (e.g. not an ID number) or paging")
    Page<HouseholdView> list(Caller caller,
            @Parameter(example = "\"621223101001001\"") @RequestParam(required = false) @Pattern(regexp = "\\d{15}") String gridCode,
            @Parameter(example = "ELDERLY_LIVING_ALONE") @RequestParam(required = false) CareTag careTag,
            @Parameter(example = "11010519491231002X") @RequestParam(required = false) @IdNumber String idNumber,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return households.list(caller, gridCode, careTag, idNumber, page, size);
    }
}
