package org.tanchang.grid.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.impl.DefinitionKey;
import com.github.victools.jsonschema.generator.naming.DefaultSchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.generator.impl.PropertySortUtils;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * Builds the AsyncAPI 3.0 document of the suite's events: one channel per topic of {@link Topics#ALL}, one message per
 * event type with its CloudEvents envelope (Kafka binary mode: {@code ce_*} headers, the data as the value, the
 * aggregate id as the key), and each event's JSON Schema generated from its record by victools' generator.
 */
final class AsyncApiGenerator {

    static final String MESSAGES = "#/components/messages/";
    static final String SCHEMAS = "#/components/schemas/";
    private static final String ENVELOPE = "CloudEventsKafkaHeaders";
    private static final String KAFKA_BINDING = "0.5.0";
    private static final String TRACEPARENT = "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$";

    private final JsonNodeFactory json = JsonNodeFactory.instance;

    ObjectNode generate(List<EventType<?>> events) {
        SchemaBuilder schemas = schemaGenerator().buildMultipleSchemaDefinitions();
        Map<String, ObjectNode> payloadRefs = new LinkedHashMap<>();
        for (EventType<?> event : events) {
            payloadRefs.put(event.type(), schemas.createSchemaReference(event.dataClass()));
        }
        ObjectNode definitions = schemas.collectDefinitions("components/schemas");

        ObjectNode doc = json.objectNode();
        doc.put("asyncapi", "3.0.0");
        doc.set("info", info());
        doc.put("defaultContentType", "application/json");
        doc.set("servers", servers());
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        for (String topic : Topics.ALL) {
            List<EventType<?>> onTopic = events.stream().filter(e -> e.topic().equals(topic)).toList();
            channels.set(topic, channel(topic, onTopic));
            operations.set("publish" + pascal(topic), operation(topic, onTopic));
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        for (EventType<?> event : events) {
            messages.set(event.type(), message(event, payloadRefs.get(event.type())));
        }
        ObjectNode allSchemas = components.putObject("schemas");
        allSchemas.set(ENVELOPE, envelopeSchema());
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        definitions.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach(allSchemas::set);
        return doc;
    }

    private static SchemaGenerator schemaGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                // the records' fields are what the producers' Jackson writes; their accessors add nothing
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.PLAIN_DEFINITION_KEYS, Option.STANDARD_FORMATS, Option.EXTRA_OPEN_API_FORMAT_VALUES,
                        Option.NULLABLE_FIELDS_BY_DEFAULT, Option.INLINE_NULLABLE_SCHEMAS, Option.FLATTENED_ENUMS,
                        Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // A present field may still be null (events from before the field was added, or nothing to say), and a
        // tolerant reader ignores fields it does not know, so producers may add fields within one schema version.
        config.forFields().withNullableCheck(field -> !field.getType().isPrimitive());
        // a nested type is named with its owner (FindingParty's Kind is FindingPartyKind, not a bare "Kind")
        config.forTypesInGeneral().withDefinitionNamingStrategy(new DefaultSchemaDefinitionNamingStrategy() {
            @Override
            public String getDefinitionNameForKey(DefinitionKey key, SchemaGenerationContext context) {
                Class<?> type = key.getType().getErasedType();
                if (Map.class.isAssignableFrom(type)) {
                    return "StringMap";
                }
                return type.getEnclosingClass() == null ? super.getDefinitionNameForKey(key, context)
                        : type.getEnclosingClass().getSimpleName() + type.getSimpleName();
            }
        });
        // in the records' order, as the producers write them
        config.forTypesInGeneral().withPropertySorter(PropertySortUtils.SORT_PROPERTIES_FIELDS_BEFORE_METHODS);
        return new SchemaGenerator(config.build());
    }

    private ObjectNode info() {
        ObjectNode info = json.objectNode();
        info.put("title", "Tanchang Grid events");
        info.put("version", "1.0.0");
        info.put("description", """
                The domain events of the Tanchang Grid suite on Kafka, as CloudEvents 1.0 in the Kafka protocol \
                binding's binary mode: the attributes are `ce_*` headers, the record value is the event's data as \
                JSON, and the record key is the id of the aggregate (the CloudEvents `subject`), so one aggregate's \
                events stay in order. Delivery is at least once: deduplicate on `ce_id`. Read data as a tolerant \
                reader: ignore fields you do not know and treat absent fields as null (fields are added within a \
                schema version; a breaking change gets a new `.vN` topic and type). `ce_type` is \
                `org.tanchang.grid.<domain>.<Event>.v<schema version>`; records written before that form carry the \
                short event name (e.g. `DisputeOpened`): accept both. `ce_traceparent` is the W3C trace context \
                (CloudEvents distributed-tracing extension). Generated from the records in the `contracts` module.""");
        return info;
    }

    private ObjectNode servers() {
        ObjectNode servers = json.objectNode();
        ObjectNode local = servers.putObject("local");
        local.put("host", "localhost:9092");
        local.put("protocol", "kafka");
        local.put("description", "The broker run.sh starts; in a county deployment, the broker its operators name.");
        return servers;
    }

    private ObjectNode channel(String topic, List<EventType<?>> events) {
        ObjectNode channel = json.objectNode();
        channel.put("address", topic);
        channel.put("description", "Topic " + topic + ". Dead letters of a consumer that gave up on a record go to "
                + Topics.deadLetterOf(topic) + ".");
        ObjectNode messages = channel.putObject("messages");
        for (EventType<?> event : events) {
            messages.putObject(event.type()).put("$ref", MESSAGES + event.type());
        }
        channel.putObject("bindings").putObject("kafka").put("topic", topic).put("bindingVersion", KAFKA_BINDING);
        return channel;
    }

    private ObjectNode operation(String topic, List<EventType<?>> events) {
        ObjectNode operation = json.objectNode();
        operation.put("action", "send");
        operation.put("summary", "The suite publishes to " + topic);
        operation.putObject("channel").put("$ref", "#/channels/" + escape(topic));
        ArrayNode messages = operation.putArray("messages");
        for (EventType<?> event : events) {
            messages.addObject().put("$ref", "#/channels/" + escape(topic) + "/messages/" + event.type());
        }
        return operation;
    }

    private ObjectNode message(EventType<?> event, ObjectNode payloadRef) {
        ObjectNode message = json.objectNode();
        message.put("name", event.type());
        message.put("title", event.type() + " v" + event.schemaVersion());
        message.put("summary", "CloudEvents type " + event.cloudEventType() + " on " + event.topic());
        message.put("contentType", "application/json");
        ObjectNode headers = message.putObject("headers");
        ArrayNode allOf = headers.putArray("allOf");
        allOf.addObject().put("$ref", SCHEMAS + ENVELOPE);
        ObjectNode specific = allOf.addObject();
        specific.put("type", "object");
        ObjectNode properties = specific.putObject("properties");
        ObjectNode type = properties.putObject("ce_type");
        type.put("type", "string");
        type.putArray("enum").add(event.cloudEventType()).add(event.type());
        type.put("description", "Published as " + event.cloudEventType() + "; records written before the "
                + "reverse-DNS form carry " + event.type() + ".");
        properties.putObject("ce_dataschema").put("type", "string").put("const", event.dataSchema());
        message.set("payload", payloadRef);
        message.put("x-cloudevents-type", event.cloudEventType());
        message.put("x-legacy-type", event.type());
        message.put("x-schema-version", event.schemaVersion());
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode key = kafka.putObject("key");
        key.put("type", "string");
        key.put("description", "The id of the aggregate the event is about, equal to ce_subject.");
        kafka.put("bindingVersion", KAFKA_BINDING);
        return message;
    }

    private ObjectNode envelopeSchema() {
        ObjectNode schema = json.objectNode();
        schema.put("type", "object");
        schema.put("description", "The CloudEvents attributes as Kafka headers (binary content mode).");
        ObjectNode p = schema.putObject("properties");
        p.putObject("ce_specversion").put("type", "string").put("const", "1.0");
        p.putObject("ce_id").put("type", "string").put("minLength", 1)
                .put("description", "Unique per event; a redelivery carries the same id.");
        p.putObject("ce_source").put("type", "string").put("pattern", "^/tanchang-grid/[a-z-]+$")
                .put("description", "The producing service, e.g. /tanchang-grid/grid-service.");
        p.putObject("ce_type").put("type", "string");
        p.putObject("ce_subject").put("type", "string").put("minLength", 1)
                .put("description", "The aggregate's id, also the record key.");
        p.putObject("ce_time").put("type", "string").put("format", "date-time");
        p.putObject("ce_dataschema").put("type", "string").put("format", "uri");
        p.putObject("content-type").put("type", "string").put("const", "application/json");
        p.putObject("ce_traceparent").put("type", "string").put("pattern", TRACEPARENT)
                .put("description", "W3C trace context (CloudEvents distributed-tracing extension): the request's "
                        + "trace, or a trace started by the schedule or start-up work that produced the event.");
        p.putObject("ce_tracestate").put("type", "string")
                .put("description", "W3C tracestate; not written by the suite at present.");
        p.putObject("traceparent").put("type", "string").put("pattern", TRACEPARENT)
                .put("description", "W3C trace context of the Kafka send (the producer's span), in the same trace "
                        + "as ce_traceparent: what OpenTelemetry and Micrometer consumers continue from. Records written "
                        + "before the extension carry only this header, then with the event's own context.");
        ArrayNode required = schema.putArray("required");
        for (String name : List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time",
                "ce_dataschema", "content-type", "ce_traceparent")) {
            required.add(name);
        }
        return schema;
    }

    /** A JSON pointer token: topics have dots and dashes only, but '/' and '~' would need escaping. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String pascal(String topic) {
        List<String> words = new ArrayList<>(List.of(topic.split("[.\\-]")));
        StringBuilder name = new StringBuilder();
        for (Iterator<String> it = words.iterator(); it.hasNext(); ) {
            String word = it.next();
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }
}
