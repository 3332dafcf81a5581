package org.tanchang.grid.gridservice.area;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.tanchang.grid.platform.security.Scopes;

/**
 * The administrative tree: county > township > village or community > grid > ten-household unit. Like the grid
 * directory it holds no residents' data, so every signed-in role may read all of it.
 */
@RestController
@RequestMapping("/api/areas")
@Tag(name = "Administrative tree", description = "County, townships, villages and communities, grids and "
        + "ten-household units (十户联防), each with a stable code")
class AreaController {

    private final AreaTree tree;

    AreaController(AreaTree tree) {
        this.tree = tree;
    }

    @GetMapping
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.GRID_READ)
    @Operation(operationId = "getAreaTree",
            summary = "Read the tree", description = "The tree under a node (default: the county), children "
            + "sorted by code; grids appear as GRID nodes with their ten-household units below them.")
    @ApiResponse(responseCode = "200", description = "The subtree")
    @BadRequest("The root is not an area code")
    @NotFound("No such node")
    AreaNode tree(@Parameter(description = "Code of the subtree's root", example = "\"621223101\"")
            @RequestParam(required = false) @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}|\\d{15}|\\d{18}") String root) {
        return tree.tree(root);
    }

    @GetMapping("/{code}")
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.GRID_READ)
    @Operation(operationId = "getArea",
            summary = "Get a node", description = "One node of the tree with its direct and indirect children.")
    @ApiResponse(responseCode = "200", description = "The node")
    @NotFound("No such node")
    AreaNode get(@Parameter(example = "\"621223101001\"") @PathVariable String code) {
        return tree.tree(code);
    }

    @PostMapping
    @Allowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "createArea",
            summary = "Add a node", description = "Adds a township (9 digits), village or community (12) or "
            + "ten-household unit (18, under a grid) in the caller's area. Its parent must exist; grids are added "
            + "with POST /api/grids because they need a boundary.")
    @ApiResponse(responseCode = "201", description = "The node was added")
    @BadRequest("Invalid code or name; nothing was stored")
    @Conflict("The code exists already")
    @Unprocessable("The parent does not exist")
    ResponseEntity<AreaView> create(Caller caller, @Valid @RequestBody AreaRequests.CreateArea request) {
        AreaView created = AreaView.of(tree.create(caller, request));
        return ResponseEntity.created(URI.create("/api/areas/" + created.code())).body(created);
    }

    @PutMapping("/{code}")
    @Allowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "renameArea",
            summary = "Rename a node", description = "Renames a node of the caller's area. Renaming a village or "
            + "township publishes GridChanged for each of its grids, whose events carry the names.")
    @ApiResponse(responseCode = "200", description = "The renamed node")
    @BadRequest("Invalid name; nothing was stored")
    @NotFound("No such node in the caller's area")
    AreaView rename(Caller caller, @Parameter(example = "\"621223101001\"") @PathVariable String code,
            @Valid @RequestBody AreaRequests.RenameArea request) {
        return AreaView.of(tree.rename(caller, code, request));
    }
}
