package org.tanchang.grid.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bson.Document;
import org.springframework.data.annotation.Id;

/**
 * One link of a service's audit chain, stored in {@value #COLLECTION} with {@code _id} = {@code sequence}.
 * {@code hash} is SHA-256 (hex) over {@link #canonical()}: every other field including {@code previousHash}, so
 * changing, removing or reordering any record breaks the link to the next one.
 *
 * <p>Written and verified as raw BSON ({@link #toDocument()}, {@link #fromDocument}) so the hashed form never
 * depends on mapping conventions; read as a mapped entity by {@link AuditQueries}. Times are kept to the
 * millisecond because BSON dates hold no more: a finer instant would not hash the same after a round trip.
 */
@org.springframework.data.mongodb.core.mapping.Document(AuditRecord.COLLECTION)
public record AuditRecord(@Id long sequence, Instant time, String actor, String role, String client, String action,
        String objectType, String objectId, AuditOutcome outcome, String sourceAddress, String traceId,
        String requestId, String previousHash, String hash, String operation) {

    /** A record without a named operation (every record written before operations were recorded). */
    public AuditRecord(long sequence, Instant time, String actor, String role, String client, String action,
            String objectType, String objectId, AuditOutcome outcome, String sourceAddress, String traceId,
            String requestId, String previousHash, String hash) {
        this(sequence, time, actor, role, client, action, objectType, objectId, outcome, sourceAddress, traceId,
                requestId, previousHash, hash, null);
    }

    public static final String COLLECTION = "audit_trail";

    /** The previous hash of the first record ever appended to a chain. */
    public static final String GENESIS_HASH = "0".repeat(64);

    /** Version tag of the canonical form, so a future change of the form cannot be confused with tampering. */
    static final String FORM = "tanchang-audit-v1";
    /**
     * The form of a record that names its operation: v1's fields, then {@code operation}. Records without one keep
     * the v1 form, so every record appended before stays valid; removing a record's operation changes its form and
     * so its hash, which the verifier reports like any other edit.
     */
    static final String FORM_WITH_OPERATION = "tanchang-audit-v2";

    /**
     * The hashed text: the form tag, then each field in a fixed order as {@code name=length:value} (or
     * {@code name=~} for null) on its own line. The length prefix makes the form unambiguous whatever a value
     * contains (newlines, '=' or ':'), and null differs from the empty string.
     */
    String canonical() {
        StringBuilder text = new StringBuilder(operation == null ? FORM : FORM_WITH_OPERATION).append('\n');
        field(text, "sequence", Long.toString(sequence));
        field(text, "time", time == null ? null : time.toString());
        field(text, "actor", actor);
        field(text, "role", role);
        field(text, "client", client);
        field(text, "action", action);
        field(text, "objectType", objectType);
        field(text, "objectId", objectId);
        field(text, "outcome", outcome == null ? null : outcome.name());
        field(text, "sourceAddress", sourceAddress);
        field(text, "traceId", traceId);
        field(text, "requestId", requestId);
        field(text, "previousHash", previousHash);
        if (operation != null) {
            field(text, "operation", operation);
        }
        return text.toString();
    }

    /** The hash this record should carry, computed from its content. */
    String computeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** This record with {@code hash} set to {@link #computeHash()}. */
    AuditRecord sealed() {
        AuditRecord unsealed = new AuditRecord(sequence, time, actor, role, client, action, objectType, objectId,
                outcome, sourceAddress, traceId, requestId, previousHash, null, operation);
        return new AuditRecord(sequence, time, actor, role, client, action, objectType, objectId, outcome,
                sourceAddress, traceId, requestId, previousHash, unsealed.computeHash(), operation);
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append('=');
        if (value == null) {
            text.append('~');
        } else {
            text.append(value.length()).append(':').append(value);
        }
        text.append('\n');
    }

    Document toDocument() {
        Document document = new Document("_id", sequence)
                .append("time", time == null ? null : Date.from(time))
                .append("actor", actor).append("role", role).append("client", client).append("action", action)
                .append("objectType", objectType).append("objectId", objectId)
                .append("outcome", outcome == null ? null : outcome.name())
                .append("sourceAddress", sourceAddress).append("traceId", traceId).append("requestId", requestId)
                .append("previousHash", previousHash).append("hash", hash);
        if (operation != null) {
            document.append("operation", operation);
        }
        return document;
    }

    /**
     * Reads a stored record. Throws {@link IllegalArgumentException} if a field has a type no appended record can
     * have, which the verifier reports as a broken link rather than crashing on.
     */
    static AuditRecord fromDocument(Document document) {
        Object id = document.get("_id");
        if (!(id instanceof Number number)) {
            throw new IllegalArgumentException("_id is not a number");
        }
        Object time = document.get("time");
        if (time != null && !(time instanceof Date)) {
            throw new IllegalArgumentException("time is not a date");
        }
        String outcome = text(document, "outcome");
        AuditOutcome parsedOutcome;
        try {
            parsedOutcome = outcome == null ? null : AuditOutcome.valueOf(outcome);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown outcome " + outcome);
        }
        return new AuditRecord(number.longValue(), time == null ? null : ((Date) time).toInstant(),
                text(document, "actor"), text(document, "role"), text(document, "client"), text(document, "action"),
                text(document, "objectType"), text(document, "objectId"), parsedOutcome,
                text(document, "sourceAddress"), text(document, "traceId"), text(document, "requestId"),
                text(document, "previousHash"), text(document, "hash"), text(document, "operation"));
    }

    private static String text(Document document, String name) {
        Object value = document.get(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(name + " is not text");
        }
        return (String) value;
    }
}
