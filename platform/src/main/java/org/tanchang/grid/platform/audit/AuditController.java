package org.tanchang.grid.platform.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * The supervisors' view of this service's audit trail, at {@code /api/audit/<service-name>/...} so the gateway can
 * route each service's trail by its name. Audit records carry no area, so only a county-wide scope may read them;
 * a township supervisor is refused rather than shown other townships' acts.
 */
@RestController
@RequestMapping("/api/audit/${spring.application.name}")
@Tag(name = "Audit trail", description = "Who saw and changed what in this service (hash-chained, kept 180 days)")
class AuditController {

    private final AuditQueries queries;
    private final AuditVerifier verifier;

    AuditController(AuditQueries queries, AuditVerifier verifier) {
        this.queries = queries;
        this.verifier = verifier;
    }

    @GetMapping("/records")
    @Allowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listAuditRecords", summary = "Query the audit trail", description = "Newest first; every filter is optional. Each record "
            + "names its operation (incident.void, dispute.archive ...) beside the coarse action (CREATE, TRANSITION, "
            + "UPDATE, DELETE, READ_UNMASKED).")
    Page<AuditRecord> records(Caller caller,
            @RequestParam(required = false) @Size(max = 128) String actor,
            @Parameter(example = "patrol-reports") @RequestParam(required = false) @Size(max = 64) String objectType,
            @RequestParam(required = false) @Size(max = 128) String objectId,
            @Parameter(example = "CREATE") @RequestParam(required = false) @Size(max = 64) String action,
            @Parameter(description = "The operation, e.g. incident.void or dispute.archive", example = "incident.void")
            @RequestParam(required = false) @Size(max = 128) String operation,
            @Parameter(example = "2026-11-01T00:00:00Z") @RequestParam(required = false) Instant from,
            @Parameter(example = "2026-12-01T00:00:00Z") @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(AuditQueries.MAX_SIZE) int size) {
        requireCountyScope(caller);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalid(List.of(new FieldError("from", "must not be after to")));
        }
        return queries.find(actor, objectType, objectId, action, operation, from, to, page, size);
    }

    @GetMapping("/verification")
    @Allowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "verifyAuditChain", summary = "Verify the hash chain", description = "Walks the whole chain; reports the first edited, "
            + "deleted or reordered record.")
    AuditVerification verify(Caller caller) {
        requireCountyScope(caller);
        return verifier.verify();
    }

    private static void requireCountyScope(Caller caller) {
        if (caller.scope().codes().stream().noneMatch(code -> code.length() == 6)) {
            throw ProblemException.forbidden("The audit trail is open to county-wide supervisors only");
        }
    }
}
