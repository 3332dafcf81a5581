package org.tanchang.grid.platform.test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks events against the committed AsyncAPI document ({@code docs/asyncapi/asyncapi.json}, shipped in the
 * contracts jar): the CloudEvents headers against the message's header schema, {@code ce_type} in the reverse-DNS form
 * the document names for that topic, and the data against the JSON Schema generated from the event's record.
 *
 * <p>The data check is strict where the published schema is tolerant: every field of the record must be present (the
 * producers' Jackson writes nulls) and no other field may be, so a record and what is written from it cannot drift
 * apart unnoticed. Counts what it validated; the count is written to {@code target/events-validated.txt} at exit.
 */
public final class EventSchemas {

    public static final String DOCUMENT = "asyncapi/asyncapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong VALIDATED = new AtomicLong();
    private static final Set<String> DISTINCT = ConcurrentHashMap.newKeySet();
    private static volatile EventSchemas committed;

    private final Map<String, Map<String, Message>> byTopicAndType = new HashMap<>();

    private record Message(String name, String cloudEventType, Schema headers, Schema payload) {
    }

    EventSchemas(JsonNode document) {
        JsonNode components = document.get("components");
        ObjectNode strict = strictComponents(components);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        document.get("channels").properties().forEach(channel -> {
            Map<String, Message> messages = new HashMap<>();
            channel.getValue().get("messages").properties().forEach(entry -> {
                String ref = entry.getValue().get("$ref").asString();
                JsonNode message = components.get("messages").get(ref.substring(ref.lastIndexOf('/') + 1));
                Message m = new Message(message.get("name").asString(), message.get("x-cloudevents-type").asString(),
                        schema(registry, "headers/" + ref, message.get("headers"), components),
                        schema(registry, "payload/" + ref, message.get("payload"), strict));
                messages.put(m.cloudEventType(), m);
            });
            byTopicAndType.put(channel.getValue().get("address").asString(), messages);
        });
    }

    /** The committed document from the classpath, loaded once per JVM. */
    public static EventSchemas committed() {
        if (committed == null) {
            synchronized (EventSchemas.class) {
                if (committed == null) {
                    try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
                        if (in == null) {
                            throw new IllegalStateException(DOCUMENT + " is not on the classpath (contracts jar)");
                        }
                        committed = new EventSchemas(JSON.readTree(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    Runtime.getRuntime().addShutdownHook(new Thread(EventSchemas::writeCount));
                }
            }
        }
        return committed;
    }

    /** Whether the document has a channel for this topic (test topics and dead-letter topics have none). */
    public boolean documents(String topic) {
        return byTopicAndType.containsKey(topic);
    }

    /**
     * Whether a record read by a test is one the suite produced on a documented topic; events that tests publish
     * themselves (source {@code /tests}, possibly malformed on purpose) are not the suite's.
     */
    public boolean isSuiteEvent(ConsumerRecord<String, String> record) {
        String source = header(record, "ce_source");
        return documents(record.topic()) && source != null && source.startsWith("/tanchang-grid/");
    }

    /** Fails with every violation of the first event that does not conform to the document. */
    public void validate(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        Map<String, Message> messages = byTopicAndType.get(record.topic());
        if (messages == null) {
            throw new AssertionError("topic " + record.topic() + " is not in the AsyncAPI document");
        }
        Message message = messages.get(type);
        if (message == null) {
            throw new AssertionError("event " + header(record, "ce_id") + " on " + record.topic() + " has type " + type
                    + ", which the AsyncAPI document does not name for that topic (expected one of "
                    + messages.keySet() + ")");
        }
        ObjectNode headers = JSON.createObjectNode();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        List<Error> errors = message.headers().validate(headers);
        if (!errors.isEmpty()) {
            throw new AssertionError(message.name() + " event " + header(record, "ce_id") + " has invalid headers "
                    + headers + ": " + errors);
        }
        if (record.key() == null || !record.key().equals(header(record, "ce_subject"))) {
            throw new AssertionError(message.name() + " event " + header(record, "ce_id") + ": key " + record.key()
                    + " is not its subject " + header(record, "ce_subject"));
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (RuntimeException e) {
            throw new AssertionError(message.name() + " event " + header(record, "ce_id") + " has no JSON data", e);
        }
        errors = message.payload().validate(data);
        if (!errors.isEmpty()) {
            throw new AssertionError(message.name() + " event " + header(record, "ce_id")
                    + " does not match its schema in docs/asyncapi/asyncapi.json: " + errors + "\n" + record.value());
        }
        VALIDATED.incrementAndGet();
        DISTINCT.add(header(record, "ce_id"));
    }

    /** Records validated in this JVM (a record read twice counts twice). */
    public static long validatedCount() {
        return VALIDATED.get();
    }

    /** Distinct events (by ce_id) validated in this JVM. */
    public static int distinctValidated() {
        return DISTINCT.size();
    }

    private static Schema schema(SchemaRegistry registry, String name, JsonNode schema, JsonNode components) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.putArray("allOf").add(schema.deepCopy());
        root.putObject("components").set("schemas", components.get("schemas").deepCopy());
        return registry.getSchema(SchemaLocation.of("urn:tanchang-grid:asyncapi:" + name.replace('#', ':')), root);
    }

    /** Every object schema with properties: all of them required (maybe null), no others allowed. */
    private static ObjectNode strictComponents(JsonNode components) {
        ObjectNode copy = (ObjectNode) components.deepCopy();
        copy.get("schemas").properties().forEach(entry -> {
            JsonNode schema = entry.getValue();
            if (schema.has("properties") && schema instanceof ObjectNode object) {
                ArrayNode required = object.putArray("required");
                schema.get("properties").propertyNames().forEach(required::add);
                object.put("additionalProperties", false);
            }
        });
        return copy;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void writeCount() {
        if (VALIDATED.get() == 0) {
            return;
        }
        String line = "events validated against docs/asyncapi/asyncapi.json: " + VALIDATED.get() + " records, "
                + DISTINCT.size() + " distinct events\n";
        System.out.print(line);
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("events-validated.txt"), line, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // the count is a report, not a result: a read-only target directory must not fail the run
        }
    }
}
