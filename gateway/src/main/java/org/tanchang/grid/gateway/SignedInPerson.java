package org.tanchang.grid.gateway;

import java.util.List;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * What {@code GET /bff/user} tells the console about who is signed in to the console, from the ID token's claims (the auth server's
 * {@code TokenClaims}), so the page can greet the person and show the screens of their role. No token and nothing
 * else personal leaves the gateway; what the person may see is still decided by the services on every call.
 *
 * @param username   the account ({@code sub})
 * @param name       the display name
 * @param roles      e.g. {@code ["GRID_MEMBER"]}
 * @param scopeCodes the area codes the person acts in (county 6, township 9, village 12, grid 15 digits)
 */
record SignedInPerson(String username, String name, List<String> roles, List<String> scopeCodes) {

    static SignedInPerson of(OidcUser user) {
        return new SignedInPerson(user.getSubject(), user.getClaimAsString("name"), listOf(user, "roles"),
                listOf(user, "scope_codes"));
    }

    private static List<String> listOf(OidcUser user, String claim) {
        List<String> values = user.getClaimAsStringList(claim);
        return values == null ? List.of() : List.copyOf(values);
    }

}
