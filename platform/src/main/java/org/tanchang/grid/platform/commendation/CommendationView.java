package org.tanchang.grid.platform.commendation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A commendation as the API shows it: the giver masked. */
@Schema(name = "Commendation", description = "A banner, letter or other thanks recorded against a matter")
public record CommendationView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "commendation-3f2a9c1e7b5d4e0f8a6b2c9d1e0f7a3b")
        String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "BANNER") CommendationKind kind,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "人民好警察 百姓贴心人") String text,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-07-28") LocalDate receivedOn,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Masked", example = "杨**")
        String giverName,
        @Schema(description = "Masked, if given", example = "138****2345") String giverPhone,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"officer.yangjia\"]")
        List<String> namedStaff,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "officer.yangjia") String recordedBy,
        @Schema(example = "王警官") String recordedByName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-07-28T10:15:00+08:00")
        OffsetDateTime recordedAt) {
}
