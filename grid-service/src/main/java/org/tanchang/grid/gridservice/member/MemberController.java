package org.tanchang.grid.gridservice.member;

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
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;

/** Grid members with their force, duties and grids; each change is published as MemberChanged. */
@RestController
@RequestMapping("/api/members")
@Tag(name = "Members", description = "Grid members and the forces (1+N) with their eight duties (八大员)")
class MemberController {

    private final Members members;

    MemberController(Members members) {
        this.members = members;
    }

    @PostMapping
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "registerMember",
            summary = "Register a member", description = "Registers a member (id = their user name) with force, "
            + "one or more of the eight duties and the grids they work in, all in the caller's area. The mobile number "
            + "is stored encrypted and shown masked. Publishes MemberChanged (version 1).")
    @ApiResponse(responseCode = "201", description = "The member was registered")
    @BadRequest("Invalid member; nothing was stored")
    @Conflict("The member is registered already")
    @Unprocessable("A grid does not exist")
    ResponseEntity<MemberView> register(Caller caller, @Valid @RequestBody MemberRequests.Register request) {
        MemberView created = members.register(caller, request);
        return ResponseEntity.created(URI.create("/api/members/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Allowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "updateMember",
            summary = "Change a member", description = "Changes a member of the caller's area (absent fields stay "
            + "as they are; active=false when they stop). Publishes MemberChanged with a higher version.")
    @ApiResponse(responseCode = "200", description = "The changed member")
    @BadRequest("Invalid change; nothing was stored")
    @NotFound("No such member in the caller's area")
    @Conflict("The member changed meanwhile")
    @Unprocessable("A grid does not exist")
    MemberView change(Caller caller, @PathVariable String id, @Valid @RequestBody MemberRequests.Change request) {
        return members.change(caller, id, request);
    }

    @GetMapping("/{id}")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.MEDIATOR, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(operationId = "getMember",
            summary = "Get a member", description = "A member working in the caller's area; the mobile number "
            + "in the clear only with unmask=true for a role allowed to see it (audited).")
    @ApiResponse(responseCode = "200", description = "The member")
    @NotFound("No such member in the caller's area")
    MemberView get(Caller caller, @PathVariable String id,
            @Parameter(description = "Show the mobile number in the clear (audited)")
            @RequestParam(defaultValue = "false") boolean unmask) {
        return members.get(caller, id, unmask);
    }

    @GetMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.MEDIATOR, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(operationId = "listMembers",
            summary = "List members", description = "Members with a grid in the caller's area, by name, "
            + "optionally of one grid, duty, or activity.")
    @ApiResponse(responseCode = "200", description = "A page of members")
    @BadRequest("Invalid filter or paging")
    Page<MemberView> list(Caller caller,
            @Parameter(example = "\"621223101001001\"") @RequestParam(required = false) @Pattern(regexp = "\\d{15}") String gridCode,
            @Parameter(example = "DISPUTE_MEDIATOR") @RequestParam(required = false) Duty duty,
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return members.list(caller, gridCode, duty, active, page, size);
    }
}
