package org.tanchang.grid.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents Kafka protocol binding in binary mode: attributes travel as {@code ce_*} headers and the record
 * value is the data itself, so tools like kcat show plain JSON and any CloudEvents SDK can read the records.
 *
 * <p>Trace context travels as the CloudEvents distributed-tracing extension ({@code ce_traceparent}): the span that
 * wrote the event. The plain {@code traceparent} header is the Kafka hop's: the producer observation of the relay's
 * {@code KafkaTemplate} replaces the copy written here with its own span (a child in the same trace), and listener
 * observations continue from it. Without an observing template it stays the event's own, as in earlier releases,
 * and {@link #traceparentOf} reads it as a fallback for records written before the extension.
 */
public final class CloudEventsKafkaBinding {

    static final String PREFIX = "ce_";
    /** The distributed-tracing extension attribute, as a Kafka header {@code ce_traceparent}. */
    public static final String TRACEPARENT_ATTRIBUTE = PREFIX + "traceparent";
    /** The plain header used before the extension; written and read as a fallback during one release. */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventsKafkaBinding() {
    }

    public static ProducerRecord<String, String> toRecord(String topic, EventEnvelope event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(), event.data());
        Headers headers = record.headers();
        put(headers, PREFIX + "specversion", EventEnvelope.SPEC_VERSION);
        put(headers, PREFIX + "id", event.id());
        put(headers, PREFIX + "source", event.source());
        put(headers, PREFIX + "type", event.type());
        put(headers, PREFIX + "subject", event.subject());
        put(headers, PREFIX + "time", event.time().toString());
        put(headers, PREFIX + "dataschema", event.dataSchema());
        put(headers, "content-type", EventEnvelope.CONTENT_TYPE);
        put(headers, TRACEPARENT_ATTRIBUTE, event.traceparent());
        put(headers, TRACEPARENT, event.traceparent());
        return record;
    }

    public static EventEnvelope fromRecord(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String specVersion = get(headers, PREFIX + "specversion");
        if (!EventEnvelope.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("not a CloudEvents 1.0 record (specversion " + specVersion + ")");
        }
        if (record.value() == null) {
            throw new MalformedEventException("event " + get(headers, PREFIX + "id") + " has no data");
        }
        return new EventEnvelope(get(headers, PREFIX + "id"), get(headers, PREFIX + "source"),
                get(headers, PREFIX + "type"), get(headers, PREFIX + "subject"), time(get(headers, PREFIX + "time")),
                get(headers, PREFIX + "dataschema"), traceparentOf(headers), record.value());
    }

    /** The producer's trace context: the extension attribute, else the plain header of records written before. */
    public static String traceparentOf(Headers headers) {
        String traceparent = get(headers, TRACEPARENT_ATTRIBUTE);
        return traceparent != null ? traceparent : get(headers, TRACEPARENT);
    }

    private static Instant time(String value) {
        if (value == null) {
            throw new MalformedEventException("CloudEvent attribute 'time' is missing");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("CloudEvent attribute 'time' is not RFC 3339: " + value, e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
