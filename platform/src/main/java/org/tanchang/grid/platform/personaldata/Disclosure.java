package org.tanchang.grid.platform.personaldata;

import org.tanchang.grid.platform.audit.AuditAction;
import org.tanchang.grid.platform.audit.AuditEntry;
import org.tanchang.grid.platform.audit.AuditOperations;
import org.tanchang.grid.platform.audit.AuditOutcome;
import org.tanchang.grid.platform.audit.AuditTrail;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.SecurityProperties;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Decides whether a response shows personal data in the clear, and makes that visible afterwards. Responses are
 * masked unless the caller explicitly asks ({@code ?unmask=true}); asking needs one of
 * {@code tanchang.security.unmask-roles} (else 403), and every granted unmask is first written to the audit trail:
 * if the record cannot be written, the data is not shown.
 */
public class Disclosure {

    private final AuditTrail trail;
    private final SecurityProperties security;

    public Disclosure(AuditTrail trail, SecurityProperties security) {
        this.trail = trail;
        this.security = security;
    }

    /**
     * Whether to show the object's personal data in the clear. Call after the object was found visible to the caller
     * (so a 404 stays a 404) and before building the response.
     */
    public boolean unmask(Caller caller, boolean requested, String objectType, String objectId) {
        if (!requested) {
            return false;
        }
        if (security.unmaskRoles().stream().noneMatch(caller.roles()::contains)) {
            trail.append(entry(caller, objectType, objectId, AuditOutcome.DENIED));
            throw ProblemException.forbidden("Your role may not see personal data without the mask");
        }
        trail.append(entry(caller, objectType, objectId, AuditOutcome.SUCCESS));
        return true;
    }

    private static AuditEntry entry(Caller caller, String objectType, String objectId, AuditOutcome outcome) {
        return new AuditEntry(caller.subject(), caller.primaryRole(), caller.clientId(), AuditAction.READ_UNMASKED,
                objectType, objectId, outcome, caller.address())
                .withOperation(AuditOperations.singular(objectType) + ".read-unmasked");
    }
}
