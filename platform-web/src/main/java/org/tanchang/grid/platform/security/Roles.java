package org.tanchang.grid.platform.security;

import java.util.List;

/**
 * The role names the auth server puts in the {@code roles} claim. Strings, not an enum, so they can be used in
 * {@link Allowed} and a token with a role this service does not know yet is simply not allowed anything.
 */
public final class Roles {

    public static final String OFFICER = "OFFICER";
    public static final String AUXILIARY_OFFICER = "AUXILIARY_OFFICER";
    public static final String GRID_MEMBER = "GRID_MEMBER";
    public static final String MEDIATOR = "MEDIATOR";
    public static final String WINDOW_CLERK = "WINDOW_CLERK";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String ADMIN = "ADMIN";
    public static final String CITIZEN = "CITIZEN";
    /** Another government system calling with client credentials; its area comes from the client's registration. */
    public static final String SYSTEM = "SYSTEM";

    public static final List<String> ALL = List.of(OFFICER, AUXILIARY_OFFICER, GRID_MEMBER, MEDIATOR, WINDOW_CLERK,
            SUPERVISOR, ADMIN, CITIZEN, SYSTEM);

    private Roles() {
    }
}
