package org.tanchang.grid.petition.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tanchang.grid.petition.request.RequestSeeds;
import org.tanchang.grid.petition.request.RequestState;
import org.tanchang.grid.platform.test.AccessProfile;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestTokens;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * The /open311 lines of access-matrix.txt, which the platform's AccessMatrixTest leaves out (it covers /api only):
 * they must match the facade's operations in the OpenAPI document, and each is tried by every caller profile with
 * the same rules (public, create, list, read). Refusals are Open311 errors, except a bad token (the platform's
 * filter answers it with a 401 problem).
 */
@ServiceIntegrationTest
class Open311AccessTest {

    record Line(String method, String path, String rule, List<String> roles) {
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void everyOpen311OperationIsInTheMatrix() {
        var doc = ApiClient.local(port).get("/v3/api-docs").json();
        List<String> documented = new ArrayList<>();
        doc.get("paths").properties().forEach(p -> {
            if (p.getKey().startsWith("/open311/")) {
                p.getValue().propertyNames().forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey()));
            }
        });
        assertThat(lines().stream().map(l -> l.method() + " " + l.path()).toList())
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    @TestFactory
    Stream<DynamicNode> everyCallerOnEveryOperation() {
        RequestSeeds.Seed seed = new RequestSeeds(context).inState(AccessProfile.OWNER, RequestState.SUBMITTED);
        return lines().stream().map(line -> DynamicContainer.dynamicContainer(line.method() + " " + line.path(),
                AccessProfile.ALL.stream().map(profile -> DynamicTest.dynamicTest(profile.name(),
                        () -> check(line, profile, seed)))));
    }

    private void check(Line line, AccessProfile profile, RequestSeeds.Seed seed) {
        String path = line.path().replace("{format}", "json").replace("{service_code}", "ID-APPLY")
                .replace("{service_request_id}", seed.id());
        ApiClient api = ApiClient.local(port);
        String token = token(profile);
        if (token != null) {
            api = api.withToken(token);
        }
        var response = line.method().equals("GET") ? api.get(path) : api.send("POST", path, "service_code=ID-APPLY"
                + "&attribute%5BgridCode%5D=" + TestUsers.YANGJIA_GRID + "&attribute%5BapplicantIdNumber%5D="
                + "110105194901020123&attribute%5Breason%5D=x&first_name=x", "Content-Type",
                "application/x-www-form-urlencoded");
        String what = line.method() + " " + path + " as " + profile.name() + " → " + response.status() + " "
                + response.text();
        boolean bad = List.of("expired", "forged", "other-issuer").contains(profile.kind());
        // ROLE[/rule][:scopes]: a role may carry its own rule after a slash (SYSTEM/mine-read: a system sees only
        // what it submitted) and, for a system, the client scopes of which its token needs one
        String granted = profile.role() == null ? null : line.roles().stream()
                .filter(r -> r.split("[/:]")[0].equals(profile.role())).findFirst().orElse(null);
        boolean allowed = granted != null && (!granted.contains(":") || profile.clientScopes().stream()
                .anyMatch(List.of(granted.substring(granted.indexOf(':') + 1).split(","))::contains));
        String rule = granted != null && granted.contains("/")
                ? granted.substring(granted.indexOf('/') + 1).split(":")[0] : line.rule();
        boolean mine = AccessProfile.OWNER.equals(profile.subject());
        boolean inScope = "CITIZEN".equals(profile.role()) ? AccessProfile.OWNER.equals(profile.subject())
                : profile.scopeCodes().stream().anyMatch(TestUsers.YANGJIA_GRID::startsWith);
        if (bad) {
            assertThat(response.status()).as(what).isEqualTo(401);
        } else if (line.rule().equals("public")) {
            assertThat(response.status()).as(what).isEqualTo(200);
        } else if (profile.role() == null) {
            assertThat(response.status()).as(what).isEqualTo(401);
        } else if (!allowed) {
            assertThat(response.status()).as(what).isEqualTo(403);
        } else {
            switch (rule) {
                case "create" -> assertThat(response.status()).as(what)
                        .isEqualTo(inScope || "CITIZEN".equals(profile.role()) ? 201 : 403);
                case "any" -> assertThat(response.status()).as(what).isBetween(200, 201);
                case "mine-read" -> assertThat(response.status()).as(what).isEqualTo(mine ? 200 : 404);
                case "mine-list" -> {
                    assertThat(response.status()).as(what).isEqualTo(200);
                    assertThat(response.text().contains(seed.id())).as(what).isEqualTo(mine);
                }
                case "read" -> assertThat(response.status()).as(what).isEqualTo(inScope ? 200 : 404);
                case "list" -> {
                    assertThat(response.status()).as(what).isEqualTo(200);
                    assertThat(response.text().contains(seed.id())).as(what).isEqualTo(inScope);
                }
                default -> throw new IllegalArgumentException(rule);
            }
        }
        if (response.status() >= 400 && !bad) {
            assertThat(response.json().get(0).get("code").asInt()).as(what).isEqualTo(response.status());
        }
    }

    private static String token(AccessProfile profile) {
        TestTokens tokens = TestTokens.shared();
        return switch (profile.kind()) {
            case "anonymous" -> null;
            case "expired" -> tokens.expired("someone");
            case "forged" -> tokens.forged("someone");
            case "other-issuer" -> tokens.fromOtherIssuer("someone");
            default -> tokens.token(profile.subject(), List.of(profile.role()), profile.scopeCodes(),
                    profile.clientScopes());
        };
    }

    private List<Line> lines() {
        try (InputStream in = getClass().getResourceAsStream("/access-matrix.txt")) {
            List<Line> lines = new ArrayList<>();
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = (raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw).trim().split("\\s+");
                if (parts.length >= 3 && parts[1].startsWith("/open311/")) {
                    lines.add(new Line(parts[0], parts[1], parts[2], Arrays.asList(parts).subList(3, parts.length)));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
