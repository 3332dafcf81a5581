package org.tanchang.grid.auth.admin;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tanchang.grid.auth.users.Role;

/** What an admin sends about a staff account. */
final class StaffRequests {

    private StaffRequests() {
    }

    /**
     * @param initialPassword optional; without it a one-time password is generated and shown once
     */
    record Create(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9._-]{2,39}",
                    message = "3 to 40 lower-case letters, digits, dots, hyphens or underscores, starting with a letter")
            String username,
            @NotBlank @Size(max = 60) String displayName,
            @NotNull Role role,
            @NotNull List<String> areaCodes,
            @Size(min = 12, max = 128) String initialPassword) {
    }

    /** Only the fields given change. */
    record Change(@Size(min = 1, max = 60) String displayName, Role role, List<String> areaCodes) {
    }

    /** What an account looks like to an admin: no password hash, ever. */
    record StaffView(String username, String displayName, String role, List<String> areaCodes, boolean enabled) {
    }

    /** A created or reset account with the password to hand over, shown this once and stored only hashed. */
    record Issued(StaffView account, String oneTimePassword) {
    }
}
