package org.tanchang.grid.contracts;

import java.util.Objects;

/**
 * Names one kind of domain event: its CloudEvents {@code type}, the topic it travels on, the schema version of its
 * data and the record that carries the data. Producers and consumers share these constants instead of strings.
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

    /** The CloudEvents {@code dataschema}: a URN that names type and version, so a consumer can refuse a newer shape. */
    public String dataSchema() {
        return "urn:tanchang-grid:schema:" + type + ":v" + schemaVersion;
    }
}
