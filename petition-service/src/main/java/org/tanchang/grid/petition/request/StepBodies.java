package org.tanchang.grid.petition.request;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.tanchang.grid.platform.personaldata.IdNumber;

/** Request bodies of the workflow steps. */
final class StepBodies {

    private StepBodies() {
    }

    @Schema(name = "StepRemark", description = "An optional remark for the timeline")
    record Remark(@Schema(example = "材料齐全") @Size(max = 500) String remark) {
    }

    @Schema(name = "StepReason", description = "Why (required)")
    record Reason(@Schema(example = "不符合迁入条件") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "StepMaterials", description = "Materials brought in afterwards, named as in the catalogue")
    record Materials(@Schema(example = "[\"父母双方居民身份证\"]") @NotEmpty @Size(max = 30)
            List<@NotBlank @Size(max = 100) String> materials, @Size(max = 500) String remark) {
    }

    @Schema(name = "StepRating", description = "The citizen's rating, 1 (bad) to 5 (very good)")
    record Rating(@Schema(example = "5") @NotNull @Min(1) @Max(5) Integer score,
            @Schema(example = "五分钟就办好了") @Size(max = 500) String comment) {
    }

    @Schema(name = "StepReferral", description = "Refer to MEDIATION (a dispute) or CASE (a crime)")
    record Referral(@Schema(example = "MEDIATION") @NotNull @Pattern(regexp = "MEDIATION|CASE") String target,
            @Schema(example = "实为邻里宅基地纠纷") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "AskAssistance", description = "Ask another station or department to confirm something")
    record Ask(@Schema(example = "内蒙古乌海市公安局海勃湾分局新华派出所") @NotBlank @Size(max = 100) String agency,
            @Schema(example = "请核实杨某某1999年前在贵所辖区的户籍登记情况") @NotBlank @Size(max = 1000) String question,
            @Schema(description = "Its own time limit: PT2H or working days such as 5WD", example = "5WD")
            @NotNull @Pattern(regexp = "\\d{1,3}WD|PT\\d{1,4}[HMS]", message = "must be like 5WD or PT2H")
            String timeLimit,
            @Schema(description = "The agency's system (its OAuth client id), if it answers through the API: that "
                    + "system may then read this question and reply to it, and nothing else of the request",
                    example = "wuhai-xinhua-police")
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be a client id")
            String agencyClientId) {
    }

    @Schema(name = "LinkRequest", description = "The receipt's number and the applicant's identity number: links a "
            + "request taken at the window to the signed-in citizen's account")
    record Link(@Schema(example = "621223-SQ-20261129-00001") @NotBlank @Size(max = 40) String number,
            @Schema(example = "110105194901020123") @NotNull @IdNumber
            String idNumber) {
    }

    @Schema(name = "AssistanceReply", description = "The other agency's answer")
    record Reply(@Schema(example = "经核实，杨某某1999年前户籍在我所辖区，已注销") @NotBlank @Size(max = 2000) String reply,
            @Schema(description = "Whether the asked fact was confirmed", example = "true") @NotNull Boolean confirmed) {
    }
}
