package org.tanchang.grid.auth.users;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in. {@code passwordHash} is in the delegating encoder's format ({@code {bcrypt}...});
 * {@code scopeCodes} are the area codes (county, township, village or grid) the person may act in.
 */
@Document("users")
public record UserAccount(
        @Id String id,
        @Indexed(unique = true) String username,
        String displayName,
        String passwordHash,
        List<Role> roles,
        List<String> scopeCodes,
        boolean enabled) {

    public UserAccount {
        roles = roles == null ? List.of() : List.copyOf(roles);
        scopeCodes = scopeCodes == null ? List.of() : AreaCodes.requireValid(scopeCodes);
    }

    public List<String> roleNames() {
        return roles.stream().map(Role::name).toList();
    }
}
