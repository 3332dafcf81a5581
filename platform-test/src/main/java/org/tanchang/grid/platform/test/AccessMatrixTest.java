package org.tanchang.grid.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The generated access matrix of one service: every {@code /api} operation of its OpenAPI document × every caller
 * profile ({@link AccessProfile#ALL}: no token, expired, forged, other issuer, and each role in its own area, another
 * grid and another township, a citizen who owns the object and one who does not), with the outcome the service's
 * {@code access-matrix.txt} (test resources) expects. The expectations are written by hand in that file, not read
 * from the code; the code's {@code @Allowed} annotations are what is being tested.
 *
 * <p>File format, one operation per line ({@code #} starts a comment):
 * <pre>
 * METHOD /path/{var}  RULE  ROLE ROLE ...
 * </pre>
 * A system client (role SYSTEM, client credentials) is listed with the OAuth scopes of which its token needs one:
 * {@code SYSTEM:cases.read} or {@code SYSTEM:cases.read,cases.write}; a bare {@code SYSTEM} is an error in the file,
 * because the service refuses systems on an operation that names no scope ({@code SYSTEM:} with nothing after it
 * says exactly that: SYSTEM in the annotation, no scope, every system refused). The matrix tries a read-only client
 * (every domain's {@code .read} scope) and a write client (every {@code .read} and {@code .write} scope); a client
 * without a listed scope gets 403.
 * Rules, for a role that is allowed (any other role gets 403; a missing or bad token 401):
 * <ul>
 * <li>{@code public}: no token needed; no roles listed</li>
 * <li>{@code any}: succeeds whatever the caller's area</li>
 * <li>{@code read}: the fixture object by id: found in scope, 404 outside</li>
 * <li>{@code list}: succeeds; the fixture object is in the page in scope and absent outside</li>
 * <li>{@code create}: creates in the fixture's area: succeeds in scope, 403 outside (citizens create their own)</li>
 * <li>{@code command}: acts on the fixture object: succeeds in scope, 404 outside</li>
 * <li>{@code county}: succeeds only with a county-wide scope, else 403</li>
 * <li>{@code mine-read}, {@code mine-list}, {@code mine-command}: as above, but "in scope" means the caller is the
 * fixture's owner whatever their role (a personal inbox)</li>
 * </ul>
 * A role may carry its own rule after a slash, for operations where it sees by another rule than the others: for
 * example {@code SYSTEM/mine-read:petition.read} on a read whose other roles see by area, where a system client sees
 * only what it submitted itself (the fixture's owner is a citizen, so the system profile must not find it); the
 * scopes follow the rule after a colon.
 * "In scope" means the caller's area codes cover the fixture's area, or for a citizen that they own the fixture.
 */
public abstract class AccessMatrixTest {

    /**
     * What an operation is tried on: path variables, a query string (without {@code ?}, may be null) and a body for
     * writes, and the area, owner and id of the object the rule is about.
     */
    public record Fixture(Map<String, String> pathVariables, String query, String body, String areaCode,
            String owner, String objectId) {
    }

    /** One line of the matrix file; {@code systemScopes} are those of a {@code SYSTEM:...} entry. */
    public record Expectation(String method, String path, String rule, Set<String> roles, Set<String> systemScopes) {

        public Expectation(String method, String path, String rule, Set<String> roles) {
            this(method, path, rule, roles, Set.of());
        }

        String key() {
            return method + " " + path;
        }
    }

    @LocalServerPort
    protected int port;

    /**
     * A fresh object to try this operation on (created through the API or the events the service consumes), and the
     * body to send for a write. Called once per caller profile for writes, so commands always meet an object in the
     * state they need; reads share one fixture per operation (see {@link #freshFixtureFor}).
     */
    protected abstract Fixture fixture(Expectation operation);

    /** Whether each caller profile needs its own fixture; by default only writes do (reads change nothing). */
    protected boolean freshFixtureFor(Expectation operation) {
        return !operation.method().equals("GET");
    }

    private final Map<String, Fixture> sharedFixtures = new ConcurrentHashMap<>();

    @Test
    void everyDocumentedOperationIsInTheMatrixAndNothingElse() {
        assertThat(expectations().stream().map(Expectation::key).toList())
                .containsExactlyInAnyOrderElementsOf(documentedOperations());
    }

    /**
     * What a client developer reads in Swagger UI: every operation says what it does, and documents the problems it
     * answers: 401/403 when it needs a token, 400 when it takes a body.
     */
    @Test
    void everyOperationHasASummaryAndItsProblemResponses() {
        List<String> missing = new ArrayList<>();
        for (var entry : apiOperations().entrySet()) {
            String key = entry.getKey();
            JsonNode operation = entry.getValue();
            if (!operation.hasNonNull("summary") || operation.get("summary").asString().isBlank()) {
                missing.add(key + ": summary");
            }
            boolean anonymous = operation.path("x-allowed-roles").toString().contains("ANONYMOUS");
            List<String> statuses = new ArrayList<>();
            if (!anonymous) {
                statuses.addAll(List.of("401", "403"));
            }
            if (operation.has("requestBody")) {
                statuses.add("400");
            }
            for (String status : statuses) {
                if (operation.path("responses").path(status).path("content")
                        .path("application/problem+json").isMissingNode()) {
                    missing.add(key + ": " + status + " problem response");
                }
            }
        }
        assertThat(missing).as("undocumented parts of the OpenAPI document").isEmpty();
    }

    /** The scopes a system developer reads in the OpenAPI document are the ones the matrix expects. */
    @Test
    void everyOperationOpenToSystemsDocumentsItsScopes() {
        var operations = apiOperations();
        List<String> wrong = new ArrayList<>();
        for (Expectation expectation : expectations()) {
            JsonNode operation = operations.get(expectation.key());
            if (operation == null) {
                continue;
            }
            Set<String> documented = new TreeSet<>();
            operation.path("x-required-scopes").valueStream().map(JsonNode::asString).forEach(documented::add);
            if (!documented.equals(expectation.systemScopes())) {
                wrong.add(expectation.key() + ": document " + documented + ", matrix " + expectation.systemScopes());
            }
        }
        assertThat(wrong).as("x-required-scopes against access-matrix.txt").isEmpty();
    }

    @TestFactory
    Stream<DynamicNode> accessMatrix() {
        List<Expectation> expectations = expectations();
        return expectations.stream().map(operation -> DynamicContainer.dynamicContainer(operation.key(),
                AccessProfile.ALL.stream().map(profile -> DynamicTest.dynamicTest(profile.name(),
                        () -> check(operation, profile)))));
    }

    private void check(Expectation operation, AccessProfile profile) {
        Fixture fixture = freshFixtureFor(operation) ? fixture(operation)
                : sharedFixtures.computeIfAbsent(operation.key(), key -> fixture(operation));
        String path = operation.path();
        for (var variable : fixture.pathVariables().entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        if (fixture.query() != null) {
            path = path + "?" + fixture.query();
        }
        ApiClient api = ApiClient.local(port);
        String token = profile.token();
        if (token != null) {
            api = api.withToken(token);
        }
        String body = operation.method().equals("GET") || operation.method().equals("DELETE") ? null
                : fixture.body() == null ? "{}" : fixture.body();
        // an upload is tried with a real photo: with JSON the allowed roles would meet 415, not the rule
        boolean multipart = multipartOperations().contains(operation.key());
        ApiClient.Response response = multipart ? api.upload(path, "photo.png", "image/png", TestFiles.png())
                : body == null ? api.send(operation.method(), path, null)
                : api.send(operation.method(), path, body, "Content-Type", "application/json");
        Outcome expected = expected(operation, profile, fixture);
        String what = operation.key() + " as " + profile.name() + " → " + response.status() + " " + response.text();
        switch (expected) {
            case SUCCESS -> assertThat(response.status()).as(what).isBetween(200, 299);
            case SUCCESS_WITH_OBJECT -> {
                assertThat(response.status()).as(what).isBetween(200, 299);
                assertThat(response.text()).as(what).contains(fixture.objectId());
            }
            case SUCCESS_WITHOUT_OBJECT -> {
                assertThat(response.status()).as(what).isBetween(200, 299);
                assertThat(response.text()).as(what).doesNotContain(fixture.objectId());
            }
            case UNAUTHORIZED -> assertThat(response.status()).as(what).isEqualTo(401);
            case FORBIDDEN -> assertThat(response.status()).as(what).isEqualTo(403);
            case NOT_FOUND -> assertThat(response.status()).as(what).isEqualTo(404);
        }
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
        }
    }

    enum Outcome { SUCCESS, SUCCESS_WITH_OBJECT, SUCCESS_WITHOUT_OBJECT, UNAUTHORIZED, FORBIDDEN, NOT_FOUND }

    static Outcome expected(Expectation operation, AccessProfile profile, Fixture fixture) {
        if (profile.badToken()) {
            return Outcome.UNAUTHORIZED;      // a presented token is checked even on public paths
        }
        if (operation.rule().equals("public")) {
            return Outcome.SUCCESS;
        }
        if (profile.role() == null) {
            return Outcome.UNAUTHORIZED;
        }
        String granted = operation.roles().stream().filter(r -> r.equals(profile.role())
                || r.startsWith(profile.role() + "/")).findFirst().orElse(null);
        if (granted == null) {
            return Outcome.FORBIDDEN;
        }
        if (profile.role().equals("SYSTEM")
                && operation.systemScopes().stream().noneMatch(profile.clientScopes()::contains)) {
            return Outcome.FORBIDDEN;
        }
        String rule = granted.contains("/") ? granted.substring(granted.indexOf('/') + 1) : operation.rule();
        boolean inScope = profile.role().equals("CITIZEN") ? profile.subject().equals(fixture.owner())
                : profile.scopeCodes().stream().anyMatch(code -> fixture.areaCode() != null
                        && fixture.areaCode().startsWith(code));
        boolean mine = profile.subject().equals(fixture.owner());
        return switch (rule) {
            case "mine-read", "mine-command" -> mine ? Outcome.SUCCESS : Outcome.NOT_FOUND;
            case "mine-list" -> mine ? Outcome.SUCCESS_WITH_OBJECT : Outcome.SUCCESS_WITHOUT_OBJECT;
            case "any" -> Outcome.SUCCESS;
            case "read", "command" -> inScope ? Outcome.SUCCESS : Outcome.NOT_FOUND;
            case "list" -> inScope ? Outcome.SUCCESS_WITH_OBJECT : Outcome.SUCCESS_WITHOUT_OBJECT;
            case "create" -> inScope || profile.role().equals("CITIZEN") ? Outcome.SUCCESS : Outcome.FORBIDDEN;
            case "county" -> profile.scopeCodes().stream().anyMatch(code -> code.length() == 6) ? Outcome.SUCCESS
                    : Outcome.FORBIDDEN;
            default -> throw new IllegalArgumentException("unknown rule " + rule + " for "
                    + operation.key());
        };
    }

    private List<String> documentedOperations() {
        return new ArrayList<>(apiOperations().keySet());
    }

    /** The document's {@code /api} operations by "METHOD /path", in document order. */
    private volatile Set<String> multipartOperations;

    /** The operations whose body is {@code multipart/form-data} (file uploads), read once from the document. */
    private Set<String> multipartOperations() {
        if (multipartOperations == null) {
            Set<String> keys = new TreeSet<>();
            apiOperations().forEach((key, operation) -> {
                if (!operation.path("requestBody").path("content").path("multipart/form-data").isMissingNode()) {
                    keys.add(key);
                }
            });
            multipartOperations = keys;
        }
        return multipartOperations;
    }

    private Map<String, JsonNode> apiOperations() {
        JsonNode doc = ApiClient.local(port).get("/v3/api-docs").json();
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (var path : doc.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var method : path.getValue().properties()) {
                operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        method.getValue());
            }
        }
        return operations;
    }

    protected List<Expectation> expectations() {
        try (InputStream in = getClass().getResourceAsStream("/access-matrix.txt")) {
            if (in == null) {
                throw new IllegalStateException("access-matrix.txt is missing from the test resources");
            }
            List<Expectation> expectations = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                String[] parts = content.trim().split("\\s+");
                if (parts.length < 3) {
                    continue;
                }
                Set<String> roles = new TreeSet<>();
                Set<String> systemScopes = new TreeSet<>();
                for (String role : List.of(parts).subList(3, parts.length)) {
                    if (role.equals("SYSTEM") || role.startsWith("SYSTEM/") && !role.contains(":")) {
                        throw new IllegalStateException("access-matrix.txt: name the scopes a system needs, e.g. "
                                + "SYSTEM:cases.read, in: " + line.trim());
                    }
                    if (role.startsWith("SYSTEM")) {
                        // SYSTEM:scopes or SYSTEM/rule:scopes
                        List.of(role.substring(role.indexOf(':') + 1).split(",")).stream()
                                .filter(scope -> !scope.isBlank()).forEach(systemScopes::add);
                        role = role.substring(0, role.indexOf(':'));
                    }
                    roles.add(role);
                }
                expectations.add(new Expectation(parts[0], parts[1], parts[2], roles, systemScopes));
            }
            return expectations;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
