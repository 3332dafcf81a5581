package org.tanchang.grid.auth.admin;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change to a person or a client, in the append-only {@code admin_audit} collection: who did what to whom and
 * the new values, never a password, secret, code or mobile number.
 *
 * @param actor the subject of the admin's token (or the new citizen's opaque id for a sign-up)
 * @param action e.g. {@code STAFF_CREATED}, {@code CLIENT_SECRET_ROTATED}
 * @param targetType {@code STAFF}, {@code CLIENT} or {@code CITIZEN}
 */
@Document("admin_audit")
public record AuditEntry(@Id String id, Instant at, String actor, String actorRole, String action,
        String targetType, @Indexed String targetId, Map<String, Object> details) {
}
