package org.tanchang.grid.auth.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;

/** The trail of account and client changes, at the path every service's audit has ({@code /api/audit/<name>}). */
@RestController
@Validated
@Tag(name = "Audit", description = "Who changed which account or client, when, and to what")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit/auth-server/records")
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "listAuthAuditRecords", summary = "List account and client changes",
            description = "Newest first; optionally of one username or client id. County-wide admins only.")
    Page<AuditEntry> list(Caller caller, @RequestParam(required = false) String target,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        AdminScope.requireCountyAdmin(caller);
        return trail.list(target, page, size);
    }
}
