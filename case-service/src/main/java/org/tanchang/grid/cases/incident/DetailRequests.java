package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tanchang.grid.platform.personaldata.IdNumber;
import org.tanchang.grid.platform.personaldata.Mobile;

/** Bodies of the case-detail endpoints: evidence, money, vehicles, persons involved. */
final class DetailRequests {

    /** A mainland plate: province, letter, 5 characters (6 for new-energy vehicles), I and O never used. */
    static final String PLATE = "^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]"
            + "([A-HJ-NP-Z0-9]{5}|[A-HJ-NP-Z0-9]{6})$";

    private DetailRequests() {
    }

    @Schema(name = "AddEvidence", description = "A file kept in the object store, pinned by its SHA-256")
    record Evidence(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://files.tanchang.example/e/7f3a.jpg")
            @NotBlank @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL") String url,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PHOTO")
            @NotNull @Pattern(regexp = "PHOTO|VIDEO|AUDIO|DOCUMENT", message = "must be PHOTO, VIDEO, AUDIO or DOCUMENT")
            String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "SHA-256 of the file, 64 hex digits",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String sha256,
            @Schema(example = "地边三轮车车辙") @Size(max = 200) String description) {
    }

    @Schema(name = "CaseMoney", description = "Amounts in fen (分), never floats; either may be left out")
    record Money(
            @Schema(description = "Amount involved, fen", example = "200000") @Min(0) @Max(100_000_000_000L)
            Long amountInvolvedFen,
            @Schema(description = "Amount recovered so far, fen", example = "200000") @Min(0)
            @Max(100_000_000_000L) Long amountRecoveredFen) {
    }

    @Schema(name = "AddVehicle", description = "A vehicle involved, by its licence plate")
    record Vehicle(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "甘J12345")
            @NotNull @Pattern(regexp = PLATE, message = "must be a mainland licence plate such as 甘J12345") String plate,
            @Schema(example = "白色厢式货车") @Size(max = 200) String description) {
    }

    @Schema(name = "AddPerson", description = "A person involved; stored encrypted, shown masked")
    record Person(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "SUSPECT")
            @NotNull @Pattern(regexp = "VICTIM|SUSPECT|WITNESS|OTHER", message = "must be VICTIM, SUSPECT, WITNESS or OTHER")
            String role,
            @Schema(example = "张某") @Size(max = 50) String name,
            @Schema(example = "110105194901020123") @IdNumber String idNumber,
            @Schema(example = "13800138000") @Mobile String phone) {
    }
}
