package org.tanchang.grid.auth.users;

/** What a person does in the suite; access tokens carry these names in the {@code roles} claim. */
public enum Role {
    OFFICER,
    AUXILIARY_OFFICER,
    GRID_MEMBER,
    MEDIATOR,
    WINDOW_CLERK,
    SUPERVISOR,
    ADMIN,
    CITIZEN
}
