package org.tanchang.grid.auth.admin;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin sends about a system client (another government system calling with client credentials). */
final class ClientRequests {

    private ClientRequests() {
    }

    record Register(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{2,39}",
                    message = "3 to 40 lower-case letters, digits or hyphens, starting with a letter")
            String clientId,
            @NotBlank @Size(max = 80) String name,
            @NotEmpty List<String> scopes,
            @NotNull List<String> areaCodes) {
    }

    record ClientView(String clientId, String name, List<String> scopes, List<String> areaCodes, boolean enabled) {
    }

    /** The client and its secret, shown this once and stored only hashed. */
    record WithSecret(ClientView client, String clientSecret) {
    }
}
