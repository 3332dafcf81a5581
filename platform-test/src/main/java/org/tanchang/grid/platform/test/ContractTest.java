package org.tanchang.grid.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The property-based contract test of one service: for every operation of its OpenAPI document, jqwik generates
 * requests that break the document's schema (a wrong JSON type, a fraction for an integer, a missing required field,
 * an unknown field, a string or list over its maximum, a bad format, pattern or enum value, a malformed body, a
 * parameter of the wrong type or out of range, a reversed from/to range), each a single break of an otherwise
 * plausible request built from the document's examples. Every answer must be a 4xx problem+json, never a 2xx or a
 * 5xx, and the totals of the service's lists must be the same afterwards (nothing was stored).
 *
 * <p>Callers: each operation is called with a county-wide token holding every role the operation allows
 * ({@code x-allowed-roles}), so that the refusal is the request's, not the caller's. The number of cases run is
 * printed. Tries per operation: {@code -Dcontract.tries} (default {@value #DEFAULT_TRIES}); the generation seed:
 * {@code -Dcontract.seed} (default fixed, so a failure repeats).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractTest {

    static final int DEFAULT_TRIES = 12;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PROBLEM = "application/problem+json";

    @LocalServerPort
    protected int port;

    private final AtomicInteger casesRun = new AtomicInteger();
    private final Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();
    private JsonNode document;
    private Map<String, Long> totalsBefore;

    /** Operations left out, as "METHOD /path", with the reason in a comment where the subclass lists them. */
    protected List<String> skipped() {
        return List.of();
    }

    /** A value for a path variable that passes its own checks; by default the parameter's example. */
    protected String pathValue(String operation, String name, JsonNode parameter) {
        JsonNode example = parameter.path("example");
        if (!example.isMissingNode() && !example.isNull()) {
            return example.asString();
        }
        JsonNode schemaExample = parameter.path("schema").path("example");
        return schemaExample.isMissingNode() ? "contract-1" : schemaExample.asString();
    }

    @Test
    void noCollectionAnswersABareArray() {
        List<String> bare = new ArrayList<>();
        for (Operation operation : operations()) {
            JsonNode schema = resolve(operation.node().path("responses").path("200").path("content")
                    .path("application/json").path("schema"));
            if (operation.path().startsWith("/api/") && "array".equals(type(schema))) {
                bare.add(operation.key());
            }
        }
        assertThat(bare).as("collections answer {items, page, size, total}, never a bare array").isEmpty();
    }

    @TestFactory
    Stream<DynamicNode> everySchemaBreakIsA4xxProblem() {
        totalsBefore = stableTotals();
        long seed = Long.getLong("contract.seed", 13L);
        int tries = Integer.getInteger("contract.tries", DEFAULT_TRIES);
        List<DynamicNode> tests = new ArrayList<>();
        for (Operation operation : operations()) {
            if (skipped().contains(operation.key())) {
                continue;
            }
            List<Case> cases = cases(operation, seed ^ operation.key().hashCode(), tries);
            if (cases.isEmpty()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(operation.key() + " (" + cases.size() + " cases)", () -> {
                List<String> wrong = new ArrayList<>();
                for (Case c : cases) {
                    casesRun.incrementAndGet();
                    ApiClient.Response response = send(operation, c);
                    statuses.merge(response.status(), 1, Integer::sum);
                    String type = response.header("Content-Type");
                    if (response.status() < 400 || response.status() >= 500 || type == null
                            || !type.startsWith(PROBLEM) || response.status() == 401) {
                        wrong.add(c.what() + " → " + response.status() + " " + type + " "
                                + abbreviate(response.text()));
                    }
                }
                assertThat(wrong).as(operation.key() + ": schema breaks that were not a 4xx problem").isEmpty();
            }));
        }
        return tests.stream();
    }

    @AfterAll
    void listTotalsAreUnchangedAndTheCasesAreCounted() {
        System.out.printf("%s: %d contract cases run against %d operations, answered %s (status=cases)%n",
                getClass().getSimpleName(), casesRun.get(), operations().size(), statuses);
        if (totalsBefore != null && casesRun.get() > 0) {
            assertThat(totals()).as("list totals after the schema breaks (nothing may be stored)")
                    .isEqualTo(totalsBefore);
        }
    }

    // ---- the document

    /** One operation of the document. */
    public record Operation(String method, String path, JsonNode node) {
        /** "METHOD /path". */
        public String key() {
            return method + " " + path;
        }
    }

    private JsonNode document() {
        if (document == null) {
            document = ApiClient.local(port).get("/v3/api-docs").json();
        }
        return document;
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (var path : document().get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()));
            }
        }
        return operations;
    }

    private JsonNode resolve(JsonNode schema) {
        for (int depth = 0; depth < 10 && schema != null; depth++) {
            if (schema.has("$ref")) {
                String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
                schema = document().path("components").path("schemas").path(name);
            } else if (schema.has("allOf") && schema.get("allOf").size() == 1) {
                schema = schema.get("allOf").get(0);
            } else if (schema.has("oneOf")) {
                schema = schema.get("oneOf").get(0);
            } else if (schema.has("anyOf")) {
                schema = schema.get("anyOf").get(0);
            } else {
                return schema;
            }
        }
        return schema;
    }

    /** The schema's type; OpenAPI 3.1 may give a list such as ["string", "null"]. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
            return null;
        }
        if (type.isMissingNode()) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : null;
        }
        return type.asString();
    }

    // ---- plausible values from the document

    private JsonNode plausible(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("example") && !schema.get("example").isNull()) {
            return schema.get("example").deepCopy();
        }
        String type = type(schema);
        if (type == null) {
            return NODES.stringNode("x");
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    for (var property : schema.path("properties").properties()) {
                        object.set(property.getKey(), plausible(property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 5 && schema.has("items")) {
                    array.add(plausible(schema.get("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1L);
            case "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.0);
            case "boolean" -> NODES.booleanNode(false);
            default -> {
                if (schema.has("enum")) {
                    yield schema.get("enum").get(0).deepCopy();
                }
                yield NODES.stringNode(switch (schema.path("format").asString("")) {
                    case "date" -> "2026-01-04";
                    case "date-time" -> "2026-01-04T09:00:00+08:00";
                    default -> "x";
                });
            }
        };
    }

    // ---- fields of a body, by path

    record Field(List<Object> path, JsonNode schema, boolean required) {
        String name() {
            StringBuilder name = new StringBuilder();
            for (Object step : path) {
                name.append(step instanceof Integer i ? "[" + i + "]" : (name.isEmpty() ? "" : ".") + step);
            }
            return name.isEmpty() ? "(body)" : name.toString();
        }
    }

    private void fields(JsonNode schema, JsonNode value, List<Object> path, boolean required, List<Field> out,
            int depth) {
        schema = resolve(schema);
        if (!path.isEmpty()) {
            out.add(new Field(List.copyOf(path), schema, required));
        }
        if (depth > 4 || value == null) {
            return;
        }
        if ("object".equals(type(schema)) && value.isObject()) {
            List<String> requiredNames = new ArrayList<>();
            schema.path("required").forEach(n -> requiredNames.add(n.asString()));
            for (var property : schema.path("properties").properties()) {
                if (value.has(property.getKey())) {
                    List<Object> next = new ArrayList<>(path);
                    next.add(property.getKey());
                    fields(property.getValue(), value.get(property.getKey()), next,
                            requiredNames.contains(property.getKey()), out, depth + 1);
                }
            }
        } else if ("array".equals(type(schema)) && value.isArray() && !value.isEmpty() && schema.has("items")) {
            List<Object> next = new ArrayList<>(path);
            next.add(0);
            fields(schema.get("items"), value.get(0), next, false, out, depth + 1);
        }
    }

    private static JsonNode with(JsonNode body, List<Object> path, JsonNode value) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            if (value == null) {
                ((ArrayNode) parent).remove(index);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        } else if (value == null) {
            ((ObjectNode) parent).remove((String) last);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    // ---- the cases

    /** One request: a body (null: none), query parameters, headers, and what was broken. */
    record Case(String what, String body, Map<String, String> query, Map<String, String> headers) {
    }

    private List<Case> cases(Operation operation, long seed, int tries) {
        List<Arbitrary<Case>> breaks = new ArrayList<>();
        Map<String, String> baseQuery = new LinkedHashMap<>();
        Map<String, String> baseHeaders = new LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>();
        operation.node().path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            if (parameter.path("required").asBoolean(false)) {
                String value = parameterExample(parameter);
                if (parameter.path("in").asString().equals("query")) {
                    baseQuery.put(parameter.get("name").asString(), value);
                } else if (parameter.path("in").asString().equals("header")) {
                    baseHeaders.put(parameter.get("name").asString(), value);
                }
            }
        }
        JsonNode bodySchema = operation.node().path("requestBody").path("content").path("application/json");
        JsonNode baseBody = null;
        if (!bodySchema.isMissingNode()) {
            baseBody = bodySchema.has("example") ? bodySchema.get("example") : plausible(bodySchema.path("schema"), 0);
            breaks.addAll(bodyBreaks(bodySchema.path("schema"), baseBody, baseQuery, baseHeaders));
        }
        String body = baseBody == null ? null : baseBody.toString();
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asString().equals("path")) {
                breaks.addAll(parameterBreaks(parameter, body, baseQuery, baseHeaders));
            }
        }
        breaks.addAll(reversedRanges(parameters, body, baseQuery, baseHeaders));
        if (breaks.isEmpty()) {
            return List.of();
        }
        Arbitrary<Case> any = Arbitraries.oneOf(breaks);
        List<Case> cases = new ArrayList<>();
        JqwikSession.run(Long.toString(seed), () -> {
            Random random = JqwikSession.getRandom().orElseThrow();
            var generator = any.generator(tries);
            for (int i = 0; i < tries; i++) {
                cases.add(generator.next(random).value());
            }
        });
        return cases.stream().distinct().toList();
    }

    private List<Arbitrary<Case>> bodyBreaks(JsonNode schema, JsonNode base, Map<String, String> query,
            Map<String, String> headers) {
        List<Arbitrary<Case>> breaks = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        fields(schema, base, new ArrayList<>(), true, fields, 0);
        breaks.add(Arbitraries.of("{", "[1,2", "{\"a\":}", "nul", "\"text\"", "[]", "42", "{\"a\":1,}")
                .map(text -> new Case("malformed or non-object body " + text, text, query, headers)));
        if (!base.isObject()) {
            return breaks;
        }
        breaks.add(Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(12)
                .map(name -> new Case("unknown field '" + name + "Zz'", with(base, List.of(name + "Zz"),
                        NODES.stringNode("x")).toString(), query, headers)));
        if (fields.isEmpty()) {
            return breaks;
        }
        breaks.add(Arbitraries.of(fields).flatMap(field -> wrongTypes(field).map(value -> new Case(
                "wrong type for " + field.name() + ": " + value, with(base, field.path(), value).toString(), query,
                headers))));
        List<Field> integers = fields.stream().filter(f -> "integer".equals(type(f.schema()))).toList();
        if (!integers.isEmpty()) {
            breaks.add(Arbitraries.of(integers).flatMap(field -> Arbitraries.of(12.5, 0.1, 1.0000001, -3.75)
                    .map(fraction -> new Case("fraction for integer " + field.name() + ": " + fraction,
                            with(base, field.path(), NODES.numberNode(fraction)).toString(), query, headers))));
        }
        List<Field> required = fields.stream().filter(Field::required).toList();
        if (!required.isEmpty()) {
            breaks.add(Arbitraries.of(required).map(field -> new Case("missing required " + field.name(),
                    with(base, field.path(), null).toString(), query, headers)));
        }
        List<Field> objects = fields.stream().filter(f -> "object".equals(type(f.schema()))
                && f.schema().has("properties")).toList();
        if (!objects.isEmpty()) {
            breaks.add(Arbitraries.of(objects).map(field -> {
                List<Object> path = new ArrayList<>(field.path());
                path.add("unexpectedZz");
                return new Case("unknown field " + field.name() + ".unexpectedZz",
                        with(base, path, NODES.stringNode("x")).toString(), query, headers);
            }));
        }
        List<Field> limited = fields.stream().filter(f -> f.schema().has("maxLength")
                || f.schema().has("maxItems")).toList();
        if (!limited.isEmpty()) {
            breaks.add(Arbitraries.of(limited).flatMap(field -> oversize(field.schema()).map(value -> new Case(
                    "oversize " + field.name(), with(base, field.path(), value).toString(), query, headers))));
        }
        List<Field> formatted = fields.stream().filter(f -> "string".equals(type(f.schema()))
                && (f.schema().has("pattern") || f.schema().has("enum")
                || List.of("date", "date-time", "email", "uri", "url").contains(f.schema().path("format").asString("")))).toList();
        if (!formatted.isEmpty()) {
            breaks.add(Arbitraries.of(formatted).flatMap(field -> badFormats(field.schema()).map(value -> new Case(
                    "bad format for " + field.name() + ": " + value, with(base, field.path(),
                            NODES.stringNode(value)).toString(), query, headers))));
        }
        List<Field> bounded = fields.stream().filter(f -> ("integer".equals(type(f.schema()))
                || "number".equals(type(f.schema()))) && (f.schema().has("minimum") || f.schema().has("maximum")))
                .toList();
        if (!bounded.isEmpty()) {
            breaks.add(Arbitraries.of(bounded).map(field -> {
                JsonNode outside = field.schema().has("maximum")
                        ? NODES.numberNode(field.schema().get("maximum").asLong() + 1)
                        : NODES.numberNode(field.schema().get("minimum").asLong() - 1);
                return new Case("out of range " + field.name() + ": " + outside,
                        with(base, field.path(), outside).toString(), query, headers);
            }));
        }
        return breaks;
    }

    private static Arbitrary<JsonNode> wrongTypes(Field field) {
        String type = type(field.schema());
        List<JsonNode> values = new ArrayList<>();
        if (!"string".equals(type)) {
            values.add(NODES.stringNode("12"));
        }
        if (!"integer".equals(type) && !"number".equals(type)) {
            values.add(NODES.numberNode(12345));
        }
        if (!"boolean".equals(type)) {
            values.add(NODES.booleanNode(true));
        }
        if (!"object".equals(type)) {
            values.add(NODES.objectNode().put("a", 1));
        }
        if (!"array".equals(type)) {
            values.add(NODES.arrayNode().add(1));
        }
        return Arbitraries.of(values);
    }

    private static Arbitrary<JsonNode> oversize(JsonNode schema) {
        if (schema.has("maxItems")) {
            int max = schema.get("maxItems").asInt();
            JsonNode item = schema.path("items").path("example");
            JsonNode element = item.isMissingNode() ? NODES.stringNode("x") : item;
            return Arbitraries.integers().between(max + 1, max + 5).map(n -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < n; i++) {
                    array.add(element.deepCopy());
                }
                return array;
            });
        }
        int max = schema.get("maxLength").asInt();
        return Arbitraries.strings().withChars("宕昌理川杨家村ab1 ").ofMinLength(max + 1).ofMaxLength(max + 40)
                .map(NODES::stringNode);
    }

    private static Arbitrary<String> badFormats(JsonNode schema) {
        if (schema.has("enum")) {
            return Arbitraries.of("NOT_A_VALUE", "", "pending", "1");
        }
        return switch (schema.path("format").asString("")) {
            case "date" -> Arbitraries.of("2026-13-45", "yesterday", "04/01/2026", "2026-1-4");
            case "date-time" -> Arbitraries.of("2026-01-04 09:00", "not a time", "2026-02-30T25:00:00+08:00");
            case "email" -> Arbitraries.of("no-at-sign", "a@", "@b.cn");
            case "uri", "url" -> Arbitraries.of("::not a uri", "ht tp://x");
            default -> schema.has("pattern") ? Arbitraries.of(notMatching(schema.get("pattern").asString()))
                    : Arbitraries.of("not valid");
        };
    }

    /** Values that break a pattern (as Bean Validation reads it: the whole value must match). */
    private static List<String> notMatching(String pattern) {
        Pattern regex = Pattern.compile(pattern);
        List<String> values = Stream.of("!!", "abc", "123456789012345678901234567890", "杨家村", "a b", "-1", "x".repeat(70))
                .filter(value -> !regex.matcher(value).matches()).toList();
        return values.isEmpty() ? List.of("\u0000") : values;
    }

    private String parameterExample(JsonNode parameter) {
        JsonNode example = parameter.path("example");
        if (!example.isMissingNode() && !example.isNull()) {
            return example.asString();
        }
        return plausible(parameter.path("schema"), 0).asString();
    }

    private List<Arbitrary<Case>> parameterBreaks(JsonNode parameter, String body, Map<String, String> query,
            Map<String, String> headers) {
        String name = parameter.get("name").asString();
        boolean inQuery = parameter.path("in").asString().equals("query");
        if (!inQuery && !parameter.path("in").asString().equals("header")) {
            return List.of();
        }
        JsonNode schema = resolve(parameter.path("schema"));
        String type = type(schema);
        List<String> bad = new ArrayList<>();
        if ("integer".equals(type)) {
            bad.addAll(List.of("abc", "1.5", "12e3", "99999999999999999999"));
            if (schema.has("minimum")) {
                bad.add(Long.toString(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                bad.add(Long.toString(schema.get("maximum").asLong() + 1));
            }
        } else if ("number".equals(type)) {
            bad.addAll(List.of("abc", "1,5"));
        } else if ("boolean".equals(type)) {
            bad.addAll(List.of("maybe", "2"));
        } else if ("string".equals(type)) {
            if (schema.has("enum")) {
                bad.addAll(List.of("NOT_A_VALUE", "pending"));
            }
            String format = schema.path("format").asString("");
            if (format.equals("date")) {
                bad.addAll(List.of("2026-13-45", "yesterday"));
            } else if (format.equals("date-time")) {
                bad.addAll(List.of("2026-01-04 09:00", "not a time"));
            }
            if (schema.has("pattern")) {
                bad.addAll(notMatching(schema.get("pattern").asString()).stream().limit(3).toList());
            }
            if (schema.has("maxLength")) {
                bad.add("a".repeat(schema.get("maxLength").asInt() + 1));
            }
        }
        if (bad.isEmpty()) {
            return List.of();
        }
        return List.of(Arbitraries.of(bad).map(value -> {
            Map<String, String> q = new LinkedHashMap<>(query);
            Map<String, String> h = new LinkedHashMap<>(headers);
            (inQuery ? q : h).put(name, value);
            return new Case((inQuery ? "query " : "header ") + name + "=" + abbreviate(value), body, q, h);
        }));
    }

    /** from/to, xxxFrom/xxxTo: the start after the end. */
    private List<Arbitrary<Case>> reversedRanges(List<JsonNode> parameters, String body, Map<String, String> query,
            Map<String, String> headers) {
        List<Arbitrary<Case>> breaks = new ArrayList<>();
        for (JsonNode from : parameters) {
            String name = from.get("name").asString();
            if (!from.path("in").asString().equals("query") || !(name.equals("from") || name.endsWith("From"))) {
                continue;
            }
            String toName = name.equals("from") ? "to" : name.substring(0, name.length() - 4) + "To";
            boolean paired = parameters.stream().anyMatch(p -> p.get("name").asString().equals(toName));
            if (!paired) {
                continue;
            }
            String format = resolve(from.path("schema")).path("format").asString("");
            List<String[]> ranges = format.equals("date")
                    ? List.of(new String[] {"2026-05-31", "2026-05-01"}, new String[] {"2026-01-05", "2026-01-04"})
                    : List.of(new String[] {"2026-12-01T00:00:00+08:00", "2026-11-01T00:00:00+08:00"},
                            new String[] {"2026-01-04T09:00:01Z", "2026-01-04T09:00:00Z"});
            breaks.add(Arbitraries.of(ranges).map(range -> {
                Map<String, String> q = new LinkedHashMap<>(query);
                q.put(name, range[0]);
                q.put(toName, range[1]);
                return new Case("reversed range " + name + "=" + range[0] + " " + toName + "=" + range[1], body, q,
                        headers);
            }));
        }
        return breaks;
    }

    // ---- sending

    private ApiClient.Response send(Operation operation, Case c) {
        String path = operation.path();
        for (JsonNode parameter : iterable(operation.node().path("parameters"))) {
            if (parameter.path("in").asString().equals("path")) {
                String name = parameter.get("name").asString();
                path = path.replace("{" + name + "}", URLEncoder.encode(pathValue(operation.key(), name, parameter),
                        StandardCharsets.UTF_8));
            }
        }
        StringBuilder query = new StringBuilder();
        c.query().forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        List<String> headers = new ArrayList<>();
        c.headers().forEach((name, value) -> {
            headers.add(name);
            headers.add(value);
        });
        if (c.body() != null) {
            headers.add("Content-Type");
            headers.add("application/json");
        }
        ApiClient api = ApiClient.local(port);
        String token = tokenFor(operation);
        if (token != null) {
            api = api.withToken(token);
        }
        return api.send(operation.method(), path + query, c.body(), headers.toArray(String[]::new));
    }

    /** A county-wide token with every role the operation allows (a citizen's when only citizens may call it). */
    protected String tokenFor(Operation operation) {
        List<String> roles = new ArrayList<>();
        operation.node().path("x-allowed-roles").forEach(role -> roles.add(role.asString()));
        if (roles.isEmpty() || roles.contains("ANONYMOUS")) {
            return null;
        }
        List<String> staff = roles.stream().filter(role -> !role.equals("CITIZEN") && !role.equals("SYSTEM")).toList();
        if (!staff.isEmpty()) {
            return TestTokens.shared().token("contract-" + staff.get(0).toLowerCase(Locale.ROOT), staff,
                    List.of(TestUsers.COUNTY));
        }
        return roles.contains("CITIZEN") ? TestUsers.citizen(AccessProfile.OWNER)
                : TestTokens.shared().token("contract-system", List.of("SYSTEM"), List.of(TestUsers.COUNTY));
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    // ---- list totals

    /** The totals of every list without path variables (GET answering a page), read as a county-wide caller. */
    private Map<String, Long> totals() {
        Map<String, Long> totals = new TreeMap<>();
        for (Operation operation : operations()) {
            if (!operation.method().equals("GET") || operation.path().contains("{")
                    || !operation.path().startsWith("/api/") || operation.path().startsWith("/api/audit/")
                    || operation.path().endsWith("/stream")) {
                continue;
            }
            JsonNode schema = resolve(operation.node().path("responses").path("200").path("content")
                    .path("application/json").path("schema"));
            if (!schema.path("properties").has("total")) {
                continue;
            }
            ApiClient api = ApiClient.local(port);
            String token = tokenFor(operation);
            ApiClient.Response response = (token == null ? api : api.withToken(token)).get(operation.path());
            if (response.status() == 200 && response.json() != null && response.json().has("total")) {
                totals.put(operation.path(), response.json().get("total").asLong());
            }
        }
        return totals;
    }

    /** Totals once consumers of earlier tests' events have settled: the same twice in a row. */
    private Map<String, Long> stableTotals() {
        Map<String, Long> previous = totals();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Map<String, Long> now = totals();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
