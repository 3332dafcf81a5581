package org.tanchang.grid.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One kind of caller of the access matrix: a role in an area, or a missing or bad token. A system client also has
 * the OAuth scopes its token was granted ({@code clientScopes}); people have none.
 */
public record AccessProfile(String name, String role, String subject, List<String> scopeCodes, String kind,
        List<String> clientScopes) {

    public AccessProfile(String name, String role, String subject, List<String> scopeCodes, String kind) {
        this(name, role, subject, scopeCodes, kind, List.of());
    }

    public AccessProfile {
        clientScopes = clientScopes == null ? List.of() : List.copyOf(clientScopes);
    }

    /** The citizen who owns fixtures that citizens may see. */
    public static final String OWNER = "citizen-owner";

    public static final List<AccessProfile> ALL = all();

    boolean badToken() {
        return kind.equals("expired") || kind.equals("forged") || kind.equals("other-issuer");
    }

    String token() {
        TestTokens tokens = TestTokens.shared();
        return switch (kind) {
            case "anonymous" -> null;
            case "expired" -> tokens.expired("someone");
            case "forged" -> tokens.forged("someone");
            case "other-issuer" -> tokens.fromOtherIssuer("someone");
            default -> tokens.token(subject, List.of(role), scopeCodes, clientScopes);
        };
    }

    private static List<AccessProfile> all() {
        List<AccessProfile> all = new ArrayList<>();
        for (String kind : List.of("anonymous", "expired", "forged", "other-issuer")) {
            all.add(new AccessProfile(kind, null, null, List.of(), kind));
        }
        all.add(role("GRID_MEMBER", "own-grid", TestUsers.YANGJIA_GRID));
        all.add(role("GRID_MEMBER", "other-grid", TestUsers.LASHA_GRID));
        all.add(role("GRID_MEMBER", "other-township", TestUsers.DASHE_GRID));
        for (String role : List.of("OFFICER", "AUXILIARY_OFFICER", "MEDIATOR", "WINDOW_CLERK", "SUPERVISOR")) {
            all.add(role(role, "own-township", TestUsers.LICHUAN));
            all.add(role(role, "other-township", TestUsers.MUER));
        }
        all.add(role("SUPERVISOR", "county", TestUsers.COUNTY));
        all.add(role("ADMIN", "county", TestUsers.COUNTY));
        // another system of the county registered only to read, and one registered to read and write (a write scope
        // does not imply the read scope: a client that does both is registered for both)
        all.add(new AccessProfile("SYSTEM read-client", "SYSTEM", "system-read-client", List.of(TestUsers.COUNTY),
                "role", TestTokens.READ_SCOPES));
        all.add(new AccessProfile("SYSTEM write-client", "SYSTEM", "system-write-client", List.of(TestUsers.COUNTY),
                "role", Stream.concat(TestTokens.READ_SCOPES.stream(),
                TestTokens.WRITE_SCOPES.stream()).toList()));
        all.add(new AccessProfile("CITIZEN owner", "CITIZEN", OWNER, List.of(), "role"));
        all.add(new AccessProfile("CITIZEN other", "CITIZEN", "citizen-other", List.of(), "role"));
        return List.copyOf(all);
    }

    private static AccessProfile role(String role, String where, String code) {
        return new AccessProfile(role + " " + where, role, role.toLowerCase() + "-" + where, List.of(code), "role");
    }
}
