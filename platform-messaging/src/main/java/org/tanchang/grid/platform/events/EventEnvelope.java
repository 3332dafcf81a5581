package org.tanchang.grid.platform.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event as it travels: the context attributes plus the JSON data. Kept as JSON text so a relay
 * can publish what was stored byte for byte, and a consumer can read a data shape it only partly knows.
 *
 * @param id          unique per event; consumers deduplicate on it
 * @param source      the producing service, e.g. {@code /tanchang-grid/grid-service}
 * @param type        the event name, e.g. {@code PatrolReportSubmitted}
 * @param subject     the aggregate id, also the Kafka key
 * @param time        when the fact happened
 * @param dataSchema  URN naming the type and schema version of {@code data}
 * @param traceparent W3C trace context of the request that caused it, may be null
 * @param data        the event's data as JSON
 */
public record EventEnvelope(
        String id, String source, String type, String subject, Instant time, String dataSchema, String traceparent,
        String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public EventEnvelope {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("CloudEvent attribute '" + name + "' is missing");
        }
    }
}
