package org.tanchang.grid.platform.commendation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The commendations of one matter, oldest first (a matter gets a handful, so they are not paged). */
@Schema(name = "CommendationList", description = "The commendations of one matter, oldest first")
public record CommendationList(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "inc-5c1e0b7a9d2f4e6a") String matterId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<CommendationView> items) {
}
