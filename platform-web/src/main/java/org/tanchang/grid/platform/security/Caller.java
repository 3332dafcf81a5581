package org.tanchang.grid.platform.security;

import java.util.Arrays;
import java.util.Set;

/**
 * Who is calling, from the verified access token: the person (or client) id, display name, roles, the areas they may
 * act in and the OAuth client the token was issued to. Controllers take it as a parameter.
 *
 * @param subject  username, or the client id for a system calling with client credentials
 * @param name     display name, for timelines and audit views
 * @param roles    role names ({@link Roles})
 * @param scope    the areas the caller may act in; empty for citizens, who act only on their own things
 * @param clientId the OAuth client, e.g. {@code tanchang-app}
 * @param address  the client address as this service saw it
 * @param clientScopes the OAuth scopes of the token ({@code scope} claim), what a system client was granted
 *                 ({@link Scopes}); checked only for {@link Roles#SYSTEM} callers
 */
public record Caller(String subject, String name, Set<String> roles, AreaScope scope, String clientId,
        String address, Set<String> clientScopes) {

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        clientScopes = clientScopes == null ? Set.of() : Set.copyOf(clientScopes);
        scope = scope == null ? AreaScope.none() : scope;
        name = name == null || name.isBlank() ? subject : name;
    }

    /** A caller without OAuth scopes (a person, or a system granted none). */
    public Caller(String subject, String name, Set<String> roles, AreaScope scope, String clientId, String address) {
        this(subject, name, roles, scope, clientId, address, Set.of());
    }

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** A citizen and nothing else: sees only what they submitted themselves. */
    public boolean isOnlyCitizen() {
        return roles.size() == 1 && roles.contains(Roles.CITIZEN);
    }

    /** The role recorded in audit entries and timelines: the first by the fixed order of {@link Roles#ALL}. */
    public String primaryRole() {
        return Roles.ALL.stream().filter(roles::contains).findFirst()
                .orElse(roles.isEmpty() ? null : roles.iterator().next());
    }
}
