package org.tanchang.grid.cases.referral;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies of the referral endpoints. */
final class ReferralRequests {

    private ReferralRequests() {
    }

    @Schema(name = "ReferralRequest", description = "A matter referred to an outside agency with what is asked of it")
    record Refer(
            @Schema(description = "Kind of matter", example = "INCIDENT") @NotNull MatterType matterType,
            @Schema(description = "Id of the matter in its own service", example = "inc-2f6c1d0a")
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String matterId,
            @Schema(description = "The matter's grid (15 digits); the caller's area must cover it",
                    example = "621223101001001") @NotBlank @Pattern(regexp = "\\d{15}") String gridCode,
            @Schema(description = "Code of the agency (GET /api/referrals/agencies)", example = "lichuan-market")
            @NotBlank @Size(max = 64) String agencyCode,
            @Schema(description = "What is asked of the agency; it is sent as written, so keep personal data out "
                    + "(ID and mobile numbers are masked in the event)",
                    example = "理川镇中药材市场发现以次充好、掺杂掺假的当归，请派员联合执法检查并告知处理结果")
            @NotBlank @Size(max = 2000) String question,
            @Schema(description = "Ids of files already stored (photos, materials); never their content",
                    example = "[\"file-7d1c2b\"]")
            @Size(max = 20) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String> attachmentIds,
            @Schema(description = "Work days the agency has to reply; the agency's usual time when absent",
                    example = "5") @Min(1) @Max(60) Integer replyWorkDays) {
    }

    @Schema(name = "ReferralRemark", description = "A remark for the referral's timeline")
    record Remark(@Schema(description = "What happened", example = "已当面交付理川所值班民警") @Size(max = 500)
            String remark) {
    }

    @Schema(name = "ReferralAnswer", description = "The agency's reply")
    record Answer(
            @Schema(description = "The reply as the agency gave it",
                    example = "已联合执法检查，查扣掺杂掺假当归 120 公斤，对经营者立案处罚") @NotBlank @Size(max = 4000)
            String answer,
            @Schema(description = "The agency's own reference (document number)", example = "宕市监理字〔2026〕18号")
            @Size(max = 100) String reference) {
    }

    @Schema(name = "ReferralWithdrawal", description = "Why the referral is withdrawn")
    record Withdraw(@Schema(description = "Reason", example = "当事人已自行到乌海办理") @NotBlank @Size(max = 500)
            String reason) {
    }
}
