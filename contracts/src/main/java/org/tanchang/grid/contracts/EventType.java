package org.tanchang.grid.contracts;

import java.util.Objects;

/**
 * Names one kind of domain event: its name, the topic it travels on, the schema version of its data and the record
 * that carries the data. Producers and consumers share these constants instead of strings.
 *
 * <p>The CloudEvents {@code type} producers publish is {@link #cloudEventType()}, the reverse-DNS form
 * {@code org.tanchang.grid.<domain>.<name>.v<schemaVersion>}. {@link #type()} is the short name that was published
 * before (and still sits in outboxes and dead-letter topics written then); consumers {@link #accepts accept} both
 * through the release after the one that switched, so no old event and no rolled-back producer breaks them.
 */
public record EventType<T>(String type, String topic, int schemaVersion, Class<T> dataClass) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(dataClass, "dataClass");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1");
        }
    }

    /** Prefix of every CloudEvents {@code type} the suite publishes (reverse DNS of tanchang.org's grid project). */
    public static final String TYPE_PREFIX = "org.tanchang.grid.";

    /** The CloudEvents {@code type} producers publish, e.g. {@code org.tanchang.grid.mediation.DisputeOpened.v1}. */
    public String cloudEventType() {
        return TYPE_PREFIX + domain() + "." + type + ".v" + schemaVersion;
    }

    /** The producing domain, taken from the topic ({@code mediation.disputes.v1} → {@code mediation}). */
    public String domain() {
        int dot = topic.indexOf('.');
        return dot < 0 ? topic : topic.substring(0, dot);
    }

    /** Whether a received CloudEvents {@code type} is this event: the reverse-DNS form or the legacy short name. */
    public boolean accepts(String cloudEventType) {
        return type.equals(cloudEventType) || cloudEventType().equals(cloudEventType);
    }

    /**
     * The short event name of a received CloudEvents {@code type}, whichever form it came in
     * ({@code org.tanchang.grid.mediation.DisputeOpened.v1} and {@code DisputeOpened} both give {@code DisputeOpened}).
     */
    public static String nameOf(String cloudEventType) {
        if (cloudEventType == null || !cloudEventType.startsWith(TYPE_PREFIX)) {
            return cloudEventType;
        }
        String[] parts = cloudEventType.substring(TYPE_PREFIX.length()).split("\\.");
        return parts.length == 3 && parts[2].matches("v[0-9]+") ? parts[1] : cloudEventType;
    }

    /** The CloudEvents {@code dataschema}: a URN that names type and version, so a consumer can refuse a newer shape. */
    public String dataSchema() {
        return "urn:tanchang-grid:schema:" + type + ":v" + schemaVersion;
    }
}
