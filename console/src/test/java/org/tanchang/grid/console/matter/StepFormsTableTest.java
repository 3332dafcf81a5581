package org.tanchang.grid.console.matter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The matter screen's step forms (js/matter/step-forms.js, written by console/forms/generate-step-forms.mjs) must say
 * what the committed OpenAPI documents say: every step of each matter, its roles, and for each field the same type,
 * required flag, enum, lengths, pattern and bounds, so the browser refuses exactly what the API would. Runs no
 * browser and no Spring context; when it fails, run the generator again (node console/forms/generate-step-forms.mjs).
 */
class StepFormsTableTest {

    private static final Path STATIC = Path.of("src/main/resources/static/console");
    private static final Path DOCS = Path.of("../docs/openapi");
    private static final String PREFIX = "export const STEP_FORMS = ";
    private static final Pattern STATES = Pattern.compile("^(?:in )?((?:[A-Z_]+, )*[A-Z_]+)(?: → ([A-Z_]+))?\\.");
    private static final Pattern CHOICE = Pattern.compile("[A-Z_]+(\\|[A-Z_]+)+");

    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<String, JsonNode> docs = new HashMap<>();

    @Test
    void everyStepOfEveryMatterHasTheFormItsRequestSchemaDescribes() throws IOException {
        JsonNode table = table();
        assertThat(names(table)).containsExactlyInAnyOrder("incident", "dispute", "request", "hazard", "visit");
        for (String kind : names(table)) {
            JsonNode entry = table.get(kind);
            JsonNode doc = doc(entry.get("service").asString());
            String base = entry.get("base").asString();
            JsonNode view = resolve(doc, doc.get("paths").get(base + "/{id}").get("get").get("responses").get("200")
                    .get("content").get("application/json").get("schema"));
            assertThat(entry.get("allowedActions").asBoolean()).as(kind + " allowedActions")
                    .isEqualTo(view.get("properties").has("allowedActions"));
            Set<String> documented = new TreeSet<>();
            for (String path : names(doc.get("paths"))) {
                String segment = path.startsWith(base + "/{id}/") ? path.substring(base.length() + 6) : null;
                JsonNode post = doc.get("paths").get(path).get("post");
                if (segment != null && !segment.contains("/") && post != null && post.has("requestBody")
                        && post.get("requestBody").get("content").has("application/json")) {
                    documented.add(segment);
                }
            }
            Set<String> tabled = new TreeSet<>();
            for (String action : names(entry.get("steps"))) {
                JsonNode step = entry.get("steps").get(action);
                String segment = step.get("path").asString();
                tabled.add(segment);
                JsonNode post = doc.get("paths").get(base + "/{id}/" + segment).get("post");
                String where = kind + " " + action;
                assertThat(strings(step.get("roles"))).as(where + " roles")
                        .isEqualTo(strings(post.get("x-allowed-roles")));
                Matcher states = STATES.matcher(post.get("description").asString().split("\n")[0]);
                assertThat(step.get("workflow").asBoolean()).as(where + " is a workflow step").isEqualTo(states.find());
                if (step.get("workflow").asBoolean()) {
                    assertThat(strings(step.get("from"))).as(where + " from").isEqualTo(List.of(states.group(1).split(", ")));
                }
                assertThat(step.get("fields")).as(where + " fields").isEqualTo(expectedFields(doc,
                        post.get("requestBody").get("content").get("application/json").get("schema")));
            }
            assertThat(tabled).as(kind + " steps").isEqualTo(documented);
        }
    }

    @Test
    void everyStepFieldAndChoiceHasItsLabelInBothLanguages() throws IOException {
        JsonNode table = table();
        for (String locale : List.of("zh-CN", "en")) {
            JsonNode messages = json.readTree(Files.readString(STATIC.resolve("i18n/matter." + locale + ".json")));
            List<String> missing = new ArrayList<>();
            for (String kind : names(table)) {
                for (String action : names(table.get(kind).get("steps"))) {
                    require(messages, missing, "matter.action." + action);
                    labels(messages, missing, table.get(kind).get("steps").get(action).get("fields"));
                }
            }
            assertThat(missing).as("messages missing in matter." + locale + ".json").isEmpty();
        }
    }

    private void labels(JsonNode messages, List<String> missing, JsonNode fields) {
        for (JsonNode f : fields) {
            String name = f.get("name").asString();
            require(messages, missing, "matter.field." + name);
            List<String> choices = f.has("enum") ? strings(f.get("enum"))
                    : f.has("pattern") && CHOICE.matcher(f.get("pattern").asString()).matches()
                    ? List.of(f.get("pattern").asString().split("\\|")) : List.of();
            choices.forEach(value -> require(messages, missing, "matter.enum." + name + "." + value));
            if (f.has("fields")) {
                labels(messages, missing, f.get("fields"));
            }
            if (f.has("items") && f.get("items").has("fields")) {
                labels(messages, missing, f.get("items").get("fields"));
            }
        }
    }

    private static void require(JsonNode messages, List<String> missing, String key) {
        if (!messages.has(key)) {
            missing.add(key);
        }
    }

    /** The fields of a request schema as the table must list them (the generator's rules, restated). */
    private ArrayNode expectedFields(JsonNode doc, JsonNode schema) {
        JsonNode s = resolve(doc, schema);
        Set<String> required = new TreeSet<>(s.has("required") ? strings(s.get("required")) : List.of());
        ArrayNode fields = json.createArrayNode();
        for (String name : names(s.path("properties"))) {
            ObjectNode f = expectedField(doc, s.get("properties").get(name));
            ObjectNode named = json.createObjectNode().put("name", name).put("required", required.contains(name));
            named.setAll(f);
            fields.add(named);
        }
        return fields;
    }

    private ObjectNode expectedField(JsonNode doc, JsonNode schema) {
        JsonNode s = resolve(doc, schema);
        ObjectNode f = json.createObjectNode().put("type", s.has("type") ? s.get("type").asString() : "object");
        for (String key : List.of("format", "enum", "pattern", "maxLength", "minimum", "maximum", "maxItems")) {
            if (s.has(key)) {
                f.set(key, s.get(key));
            }
        }
        for (String key : List.of("minLength", "minItems")) {
            if (s.has(key) && s.get(key).asInt() != 0) {
                f.set(key, s.get(key));
            }
        }
        if ("object".equals(f.get("type").asString())) {
            f.set("fields", expectedFields(doc, s));
        } else if ("array".equals(f.get("type").asString())) {
            f.set("items", expectedField(doc, s.get("items")));
        }
        return f;
    }

    /** A $ref, or a nullable allOf of one $ref, as the schema it names. */
    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode s = schema;
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            s = s.get("allOf").get(0);
        }
        if (s.has("$ref")) {
            return resolve(doc, doc.get("components").get("schemas")
                    .get(s.get("$ref").asString().substring("#/components/schemas/".length())));
        }
        return s;
    }

    private JsonNode table() throws IOException {
        String js = Files.readString(STATIC.resolve("js/matter/step-forms.js")).strip();
        int start = js.indexOf(PREFIX);
        assertThat(start).as("step-forms.js starts its table with '" + PREFIX + "'").isPositive();
        return json.readTree(js.substring(start + PREFIX.length(), js.length() - 1));
    }

    private JsonNode doc(String service) {
        return docs.computeIfAbsent(service, s -> json.readTree(DOCS.resolve(s + ".json").toFile()));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
