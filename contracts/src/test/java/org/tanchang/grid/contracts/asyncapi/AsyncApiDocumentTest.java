package org.tanchang.grid.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * The committed AsyncAPI document ({@code docs/asyncapi/asyncapi.json}) is what the records generate. After changing
 * or adding an event record, regenerate it with
 * {@code ./mvnw -B -q test -pl contracts -Dtest=AsyncApiDocumentTest -Dasyncapi.update=true} and commit it.
 */
class AsyncApiDocumentTest {

    static final Path COMMITTED = Path.of("..", "docs", "asyncapi", "asyncapi.json");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<EventType<?>> events = EventCatalogue.all();

    static String render(JsonNode doc) throws IOException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc).replace("\r\n", "\n") + "\n";
    }

    @Test
    void theCommittedDocumentIsWhatTheRecordsGenerate() throws IOException {
        String generated = render(new AsyncApiGenerator().generate(events));
        if (Boolean.getBoolean("asyncapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as(COMMITTED + " is committed").isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/asyncapi/asyncapi.json drifted from the event records; regenerate it with "
                        + "./mvnw -B -q test -pl contracts -Dtest=AsyncApiDocumentTest -Dasyncapi.update=true")
                .isEqualTo(generated);
    }

    @Test
    void everyTopicCarriesDeclaredEventsAndEveryEventTravelsOnADeclaredTopic() {
        Set<String> used = events.stream().map(EventType::topic).collect(Collectors.toCollection(TreeSet::new));

        assertThat(used).as("topics of the declared events").containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(events).extracting(EventType::type).doesNotHaveDuplicates();
        assertThat(events).extracting(EventType::cloudEventType).allMatch(t -> t.matches(
                "org\\.tanchang\\.grid\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+"));
    }

    @Test
    void everyEventIsAMessageOfItsTopicsChannelWithItsEnvelopeKeyAndGeneratedSchema() {
        JsonNode doc = new AsyncApiGenerator().generate(events);

        assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(events).isNotEmpty();
        for (EventType<?> event : events) {
            JsonNode message = doc.at("/components/messages/" + event.type());
            assertThat(doc.at("/channels/" + event.topic() + "/messages/" + event.type() + "/$ref").asText())
                    .isEqualTo("#/components/messages/" + event.type());
            assertThat(message.get("x-cloudevents-type").asText()).isEqualTo(event.cloudEventType());
            assertThat(message.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
            assertThat(message.at("/headers/allOf/0/$ref").asText())
                    .isEqualTo("#/components/schemas/CloudEventsKafkaHeaders");
            String payload = message.at("/payload/$ref").asText();
            JsonNode schema = doc.at("/components/schemas/" + payload.substring(payload.lastIndexOf('/') + 1));
            assertThat(schema.get("properties").size()).as(event.type() + "'s fields")
                    .isEqualTo(event.dataClass().getRecordComponents().length);
        }
    }

    @Test
    void aRecordsFieldsAreTypedAsItsProducersWriteThem() {
        JsonNode schemas = new AsyncApiGenerator().generate(events).at("/components/schemas");

        JsonNode opened = schemas.at("/DisputeOpened/properties");
        assertThat(opened.at("/openedAt/format").asText()).isEqualTo("date-time");
        assertThat(opened.at("/originatedAt/type").toString()).as("added later, null in older events")
                .isEqualTo("[\"string\",\"null\"]");
        JsonNode publicity = schemas.at("/PublicityHeld/properties");
        assertThat(publicity.at("/attendance/type").asText()).as("a primitive is never null").isEqualTo("integer");
        assertThat(schemas.at("/PatrolFinding/properties/kind/anyOf/1/$ref").asText())
                .isEqualTo("#/components/schemas/FindingKind");
        assertThat(schemas.at("/FindingKind/enum").toString()).contains("\"DISPUTE\"");
    }
}
