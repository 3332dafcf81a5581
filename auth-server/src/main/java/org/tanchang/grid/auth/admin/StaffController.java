package org.tanchang.grid.auth.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.auth.admin.StaffRequests.Change;
import org.tanchang.grid.auth.admin.StaffRequests.Create;
import org.tanchang.grid.auth.admin.StaffRequests.Issued;
import org.tanchang.grid.auth.admin.StaffRequests.StaffView;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;

/** Staff accounts, managed by the county's admin; supervisors read those of their area. */
@RestController
@Validated
@RequestMapping("/api/admin/staff")
@Tag(name = "Staff accounts", description = "The people who sign in to work in the suite: role, areas, display "
        + "name, enabled or not; every change is in the audit trail")
class StaffController {

    private final StaffAccounts accounts;

    StaffController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "createStaffAccount", summary = "Create a staff account",
            description = "An admin with a county-wide scope creates an account with one staff role and area codes "
                    + "(county 6, township 9, village 12 or grid 15 digits, inside the admin's scope). Without "
                    + "initialPassword a one-time password is generated and returned this once. 409 when the "
                    + "username is taken; a refused request stores nothing.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"username":"member.hadapu","displayName":"杨建军（哈达铺镇网格员）","role":"GRID_MEMBER",
             "areaCodes":["621223104001001"]}""")))
    @ApiResponse(responseCode = "201", description = "The account and, if generated, its one-time password")
    @ApiResponse(responseCode = "400", description = "Invalid username, role, area codes or password")
    @ApiResponse(responseCode = "409", description = "The username is taken")
    Issued create(Caller caller, @Valid @RequestBody Create request) {
        return accounts.create(caller, request);
    }

    @GetMapping
    @Allowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "listStaffAccounts", summary = "List staff accounts",
            description = "The staff accounts whose areas all lie in the caller's scope, by username; optionally "
                    + "of one role. Never a password hash.")
    Page<StaffView> list(Caller caller, @RequestParam(required = false) String role,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return accounts.list(caller, role, page, size);
    }

    @GetMapping("/{username}")
    @Allowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "getStaffAccount", summary = "Get a staff account",
            description = "One account; 404 when it does not exist or lies outside the caller's scope.")
    StaffView get(Caller caller, @PathVariable String username) {
        return accounts.get(caller, username);
    }

    @PatchMapping("/{username}")
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "changeStaffAccount", summary = "Change role, areas or display name",
            description = "Only the fields given change. Tokens carry the new role and areas from the account's "
                    + "next refresh or sign-in on.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"areaCodes":["621223101001001","621223101002001"]}""")))
    StaffView change(Caller caller, @PathVariable String username, @Valid @RequestBody Change request) {
        return accounts.change(caller, username, request);
    }

    @PostMapping("/{username}/disable")
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "disableStaffAccount", summary = "Disable an account",
            description = "Sign-in and refresh are refused from now on, its refresh tokens are forgotten and its "
                    + "access tokens run out within their lifetime (minutes). Idempotent.")
    StaffView disable(Caller caller, @PathVariable String username) {
        return accounts.setEnabled(caller, username, false);
    }

    @PostMapping("/{username}/enable")
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "enableStaffAccount", summary = "Enable an account",
            description = "The person may sign in again (with the same password). Idempotent.")
    StaffView enable(Caller caller, @PathVariable String username) {
        return accounts.setEnabled(caller, username, true);
    }

    @PostMapping("/{username}/password-reset")
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "resetStaffPassword", summary = "Reset a password",
            description = "A new random password, returned this once for the admin to hand over; the old password "
                    + "and every refresh token of the account stop working.")
    Issued resetPassword(Caller caller, @PathVariable String username) {
        return accounts.resetPassword(caller, username);
    }
}
