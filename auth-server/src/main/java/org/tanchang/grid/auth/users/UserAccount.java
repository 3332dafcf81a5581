package org.tanchang.grid.auth.users;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in. {@code passwordHash} is in the delegating encoder's format ({@code {bcrypt}...});
 * {@code scopeCodes} are the area codes (county, township, village or grid) the person may act in. A citizen who
 * signed up has an opaque {@code username} (the token subject) and signs in with the mobile number, kept only as
 * {@code mobileHash} (keyed HMAC, for the lookup) and {@code mobileMasked} (138****8000, for display): the auth
 * server never needs the number itself again.
 */
@Document("users")
public record UserAccount(
        @Id String id,
        @Indexed(unique = true) String username,
        String displayName,
        String passwordHash,
        List<Role> roles,
        List<String> scopeCodes,
        boolean enabled,
        @Indexed(unique = true, sparse = true) String mobileHash,
        String mobileMasked) {

    /** A staff account (no mobile). */
    public UserAccount(String id, String username, String displayName, String passwordHash, List<Role> roles,
            List<String> scopeCodes, boolean enabled) {
        this(id, username, displayName, passwordHash, roles, scopeCodes, enabled, null, null);
    }

    public UserAccount {
        roles = roles == null ? List.of() : List.copyOf(roles);
        scopeCodes = scopeCodes == null ? List.of() : AreaCodes.requireValid(scopeCodes);
    }

    public UserAccount withPasswordHash(String hash) {
        return new UserAccount(id, username, displayName, hash, roles, scopeCodes, enabled, mobileHash, mobileMasked);
    }

    public UserAccount withEnabled(boolean enabled) {
        return new UserAccount(id, username, displayName, passwordHash, roles, scopeCodes, enabled, mobileHash,
                mobileMasked);
    }

    public UserAccount withProfile(String displayName, List<Role> roles, List<String> scopeCodes) {
        return new UserAccount(id, username, displayName, passwordHash, roles, scopeCodes, enabled, mobileHash,
                mobileMasked);
    }

    public List<String> roleNames() {
        return roles.stream().map(Role::name).toList();
    }
}
