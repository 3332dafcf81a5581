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
 */
public record AuditEntry(String actor, String role, String client, String action, String objectType,
        String objectId, AuditOutcome outcome, String sourceAddress, String traceId, String requestId) {

    public AuditEntry {
        requireText(actor, "actor");
        requireText(action, "action");
        requireText(objectType, "objectType");
        if (outcome == null) {
            throw new IllegalArgumentException("an audit entry needs an outcome");
        }
    }

    /** An entry whose trace and request ids come from the current request's MDC. */
    public AuditEntry(String actor, String role, String client, String action, String objectType, String objectId,
            AuditOutcome outcome, String sourceAddress) {
        this(actor, role, client, action, objectType, objectId, outcome, sourceAddress, null, null);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs a " + name);
        }
    }
}
