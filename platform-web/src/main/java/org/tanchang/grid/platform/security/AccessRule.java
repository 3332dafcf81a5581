package org.tanchang.grid.platform.security;

import java.util.List;

/**
 * The roles an API handler is open to and, for {@link Roles#SYSTEM}, the client scopes of which a system needs one:
 * what {@link Allowed} says, or a workflow table for a step endpoint ({@link AccessRuleSource}).
 */
public record AccessRule(List<String> roles, List<String> scopes) {

    public AccessRule {
        roles = List.copyOf(roles);
        scopes = List.copyOf(scopes);
    }

    public static AccessRule of(Allowed allowed) {
        return new AccessRule(List.of(allowed.value()), List.of(allowed.scopes()));
    }
}
