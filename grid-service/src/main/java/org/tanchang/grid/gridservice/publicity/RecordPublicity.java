package org.tanchang.grid.gridservice.publicity;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

@Schema(description = "A talk or campaign that took place")
record RecordPublicity(
        @Schema(example = "621223101001001") @NotNull @Pattern(regexp = "\\d{15}") String gridCode,
        @Schema(example = "ANTI_FRAUD") @NotNull Topic topic,
        @Schema(example = "树下反诈宣讲") @NotBlank @Size(max = 100) String title,
        @Schema(example = "杨家村村口核桃树下") @NotBlank @Size(max = 100) String place,
        @Schema(example = "李德明") @NotBlank @Size(max = 50) String speaker,
        @Schema(example = "2026-01-04T15:00:00+08:00") @NotNull OffsetDateTime heldAt,
        @Schema(example = "46") @NotNull @PositiveOrZero @Max(100_000) Integer attendance,
        @ArraySchema(arraySchema = @Schema(description = "Leaflets, slides, videos (names or URLs)",
                example = "[\"反诈宣传册\"]"))
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> materials) {
}
