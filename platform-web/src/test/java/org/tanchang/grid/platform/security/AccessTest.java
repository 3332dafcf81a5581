package org.tanchang.grid.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The one decision behind {@link Allowed}: roles for people, roles and client scopes for systems. */
class AccessTest {

    @Allowed(value = {Roles.OFFICER, Roles.SYSTEM}, scopes = {Scopes.CASES_WRITE})
    void write() {
    }

    @Allowed(value = {Roles.OFFICER, Roles.SYSTEM}, scopes = {Scopes.CASES_READ, Scopes.CASES_WRITE})
    void readOrWrite() {
    }

    @Allowed({Roles.OFFICER, Roles.SYSTEM})
    void noScopeNamed() {
    }

    @Allowed(Roles.OFFICER)
    void peopleOnly() {
    }

    private static Allowed allowed(String method) throws NoSuchMethodException {
        return AccessTest.class.getDeclaredMethod(method).getAnnotation(Allowed.class);
    }

    private static Caller system(String... scopes) {
        return new Caller("market-supervision", null, Set.of(Roles.SYSTEM), new AreaScope(List.of("621223")),
                "market-supervision", null, Set.of(scopes));
    }

    @Test
    void aSystemNeedsOneOfTheNamedScopes() throws Exception {
        assertThat(Access.refusal(allowed("write"), system(Scopes.CASES_READ))).contains("cases.write");
        assertThat(Access.refusal(allowed("write"), system(Scopes.CASES_WRITE))).isNull();
        assertThat(Access.refusal(allowed("readOrWrite"), system(Scopes.CASES_READ))).isNull();
        assertThat(Access.refusal(allowed("write"), system(Scopes.GRID_WRITE))).as("another domain's scope")
                .isNotNull();
        assertThat(Access.refusal(allowed("write"), system())).isNotNull();
    }

    @Test
    void anOperationNamingNoScopeIsClosedToEverySystem() throws Exception {
        assertThat(Access.refusal(allowed("noScopeNamed"), system(Scopes.CASES_READ, Scopes.CASES_WRITE)))
                .contains("names no client scope");
        assertThat(Access.refusal(allowed("peopleOnly"), system(Scopes.CASES_WRITE))).contains("roles");
    }

    @Test
    void peopleAreDecidedByTheirRolesAlone() throws Exception {
        Caller officer = new Caller("officer.lichuan", null, Set.of(Roles.OFFICER), new AreaScope(List.of("621223101")),
                "tanchang-app", null);
        Caller mediator = new Caller("mediator.lichuan", null, Set.of(Roles.MEDIATOR), AreaScope.none(),
                "tanchang-app", null);

        assertThat(Access.refusal(allowed("noScopeNamed"), officer)).isNull();
        assertThat(Access.refusal(allowed("write"), officer)).isNull();
        assertThat(Access.refusal(allowed("write"), mediator)).contains("roles");
    }

    @Test
    void theScopesAreReadFromTheTokenAsAListOrAsSpaceSeparatedText() {
        Jwt list = Jwt.withTokenValue("t").header("alg", "RS256").subject("a").claim("roles", List.of("SYSTEM"))
                .claim("scope", List.of("cases.read", "grid.read")).issuedAt(Instant.EPOCH).build();
        Jwt text = Jwt.withTokenValue("t").header("alg", "RS256").subject("a").claim("roles", List.of("SYSTEM"))
                .claim("scope", "cases.read  cases.read grid.read").issuedAt(Instant.EPOCH).build();
        Jwt none = Jwt.withTokenValue("t").header("alg", "RS256").subject("a").claim("roles", List.of("SYSTEM"))
                .issuedAt(Instant.EPOCH).build();

        assertThat(Callers.fromJwt(list, null).clientScopes()).containsExactlyInAnyOrder("cases.read", "grid.read");
        assertThat(Callers.fromJwt(text, null).clientScopes()).containsExactlyInAnyOrder("cases.read", "grid.read");
        assertThat(Callers.fromJwt(none, null).clientScopes()).isEmpty();
    }
}
