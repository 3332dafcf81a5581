package org.tanchang.grid.platform.audit;

/**
 * What a caller says about one audited act; {@link AuditTrail#append} adds the sequence, time and hashes.
 *
 * @param actor         user id, or for a machine act the service or client principal (never blank: "who" is the point)
 * @param role          the role the actor acted in, if known
 * @param client        the OAuth client id the request came through, if any
 * @param action        what was done, preferably one of {@link AuditAction}
 * @param objectType    the kind of object acted on, for example {@code Incident}
 * @param objectId      the object's id; may be null for a failed create or a denied list
 * @param outcome       success, denied or failed
 * @param sourceAddress the client address as the service saw it (after trusted forwarded headers)
 * @param traceId       W3C trace id; when null, taken from the logging MDC ({@code RequestContext.TRACE_ID})
 * @param requestId     request id; when null, taken from the logging MDC ({@code RequestContext.REQUEST_ID})
 * @param operation     the domain operation, {@code <object>.<step>} such as {@code incident.void} or
 *                      {@code dispute.archive}; null where {@code action} says it all. {@code action} stays the coarse
 *                      kind (CREATE, TRANSITION ...) for the readers that group by it.
 */
public record AuditEntry(String actor, String role, String client, String action, String objectType,
        String objectId, AuditOutcome outcome, String sourceAddress, String traceId, String requestId,
        String operation) {

    public AuditEntry {
        requireText(actor, "actor");
        requireText(action, "action");
        requireText(objectType, "objectType");
        if (outcome == null) {
            throw new IllegalArgumentException("an audit entry needs an outcome");
        }
    }

    /** An entry without a named operation. */
    public AuditEntry(String actor, String role, String client, String action, String objectType, String objectId,
            AuditOutcome outcome, String sourceAddress, String traceId, String requestId) {
        this(actor, role, client, action, objectType, objectId, outcome, sourceAddress, traceId, requestId, null);
    }

    /** An entry whose trace and request ids come from the current request's MDC. */
    public AuditEntry(String actor, String role, String client, String action, String objectType, String objectId,
            AuditOutcome outcome, String sourceAddress) {
        this(actor, role, client, action, objectType, objectId, outcome, sourceAddress, null, null, null);
    }

    /** This entry naming its operation. */
    public AuditEntry withOperation(String name) {
        return new AuditEntry(actor, role, client, action, objectType, objectId, outcome, sourceAddress, traceId,
                requestId, name);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs a " + name);
        }
    }
}
