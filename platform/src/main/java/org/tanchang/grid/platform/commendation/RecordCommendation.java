package org.tanchang.grid.platform.commendation;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.tanchang.grid.platform.personaldata.Mobile;

/** A commendation as the desk records it; who records it comes from the token, never from here. */
@Schema(name = "RecordCommendation", description = "A banner, letter or other thanks a citizen gave for this matter")
public record RecordCommendation(
        @Schema(description = "BANNER (锦旗), LETTER (感谢信) or OTHER", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "BANNER")
        @NotNull CommendationKind kind,
        @Schema(description = "The banner's inscription or the letter's words, 1 to 1000 characters",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "人民好警察 百姓贴心人")
        @NotBlank @Size(max = 1000) String text,
        @Schema(description = "The day it was received; not in the future", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "2026-07-28")
        @NotNull LocalDate receivedOn,
        @Schema(description = "Who gave it (personal data: stored encrypted, shown masked), up to 50 characters",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "杨某某")
        @NotBlank @Size(max = 50) String giverName,
        @Schema(description = "The giver's mainland mobile number, if given (stored encrypted, shown masked)",
                example = "13893912345")
        @Mobile String giverPhone,
        @ArraySchema(arraySchema = @Schema(description = "User names of the staff it thanks (1 to 10); each must have "
                + "handled the matter (a step on its timeline, or its officer or mediator)",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"officer.yangjia\"]"))
        @NotEmpty @Size(max = 10)
        List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a user name")
                String> namedStaff) {
}
