package org.tanchang.grid.platform.security;

import java.util.List;

/**
 * The one decision of {@link Allowed}, shared by the platform's check of {@code /api/**} and any other path a
 * service guards itself (petition-service's Open311 facade): may this caller use an endpoint so annotated?
 */
public final class Access {

    private Access() {
    }

    /**
     * Why the caller is refused, or {@code null} when allowed. A person needs one of the roles; a system
     * ({@link Roles#SYSTEM}, nothing else) needs SYSTEM among them and one of the listed scopes in its token.
     */
    public static String refusal(Allowed allowed, Caller caller) {
        return refusal(AccessRule.of(allowed), caller);
    }

    /** Like {@link #refusal(Allowed, Caller)} for a rule found by {@link AccessRules}. */
    public static String refusal(AccessRule rule, Caller caller) {
        List<String> roles = rule.roles();
        boolean byPersonRole = caller.roles().stream()
                .anyMatch(role -> !role.equals(Roles.SYSTEM) && roles.contains(role));
        if (byPersonRole) {
            return null;
        }
        if (!caller.roles().contains(Roles.SYSTEM) || !roles.contains(Roles.SYSTEM)) {
            return "This needs one of the roles " + roles;
        }
        if (rule.scopes().isEmpty()) {
            return "This endpoint names no client scope, so no system may call it";
        }
        if (rule.scopes().stream().noneMatch(caller.clientScopes()::contains)) {
            return "This needs a client token with one of the scopes " + rule.scopes()
                    + "; the token has " + caller.clientScopes().stream().sorted().toList();
        }
        return null;
    }
}
