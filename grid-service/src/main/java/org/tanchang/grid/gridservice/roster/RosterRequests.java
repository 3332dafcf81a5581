package org.tanchang.grid.gridservice.roster;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.tanchang.grid.contracts.grid.RosterRole;

/** What a supervisor sends to change the roster. */
final class RosterRequests {

    private RosterRequests() {
    }

    @Schema(description = "Somebody takes up a post for the area")
    record Assign(
            @Schema(example = "RESPONSIBLE_OFFICER") @NotNull RosterRole role,
            @Schema(description = "User name at the auth server", example = "officer.lichuan") @NotBlank @Size(max = 64)
            String personId,
            @Schema(example = "王建国") @NotBlank @Size(max = 50) String personName,
            @Schema(example = "2026-01-01") @NotNull LocalDate validFrom,
            @Schema(description = "Last day in post; absent while open-ended", example = "2026-12-31") LocalDate validTo) {

        @AssertTrue(message = "validTo must not be before validFrom")
        @Schema(hidden = true)
        boolean isOrdered() {
            return validFrom == null || validTo == null || !validTo.isBefore(validFrom);
        }
    }

    @Schema(description = "The last day somebody holds the post")
    record End(@Schema(example = "2026-03-31") @NotNull LocalDate validTo) {
    }
}
