package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The bodies of the workflow actions; the actor and the time come from the token and the clock, never from here. */
final class StepRequests {

    private StepRequests() {
    }

    @Schema(name = "IncidentStepRemark", description = "An optional remark for the timeline")
    record Remark(@Schema(example = "已到现场，正在走访周边农户") @Size(max = 500) String remark) {
    }

    @Schema(name = "IncidentStepReason", description = "Why: required for voids, returns, rejections and "
            + "reopenings; it goes into the timeline")
    record Reason(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "重复报警，已并入 621223-20261129-00003")
            @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "SuperviseIncident", description = "Supervision (督办): why, and optionally by which county day "
            + "progress is expected")
    record Supervise(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "超期未办结，请今日内到场处置")
            @NotBlank @Size(max = 500) String reason,
            @Schema(description = "The day by which progress is expected; today or later", example = "2026-12-10")
            LocalDate deadline) {
    }

    @Schema(name = "RegisterIncident", description = "Registration (受理) classifies the incident; every field is "
            + "optional and keeps the reported value when left out")
    record Register(
            @Schema(example = "HERB_THEFT") IncidentType type,
            @Schema(example = "FIELD") @Size(max = 40) String subType,
            @Schema(example = "URGENT") Urgency urgency,
            @Schema(example = "属实，药材被盗约200公斤") @Size(max = 500) String remark) {
    }

    @Schema(name = "DispatchIncident", description = "The grid and the responsible officer who is to take it")
    record Dispatch(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "621223101001001")
            @NotNull @Pattern(regexp = "\\d{15}", message = "must be a 15-digit grid code") String gridCode,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "User name of the officer",
                    example = "po-wang-hai") @NotBlank @Size(max = 64) String officerId,
            @Schema(example = "王海") @Size(max = 50) String officerName,
            @Schema(example = "请责任区民警今日内到场") @Size(max = 500) String remark) {
    }

    @Schema(name = "EvaluateIncident", description = "The reporting citizen's rating of the handling")
    record Evaluate(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5", example = "5")
            @NotNull @Min(1) @Max(5) Integer rating,
            @Schema(example = "民警很快找回了货款，非常满意") @Size(max = 500) String comment) {
    }
}
