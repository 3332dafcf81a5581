package org.tanchang.grid.mediation.dispute;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.tanchang.grid.platform.personaldata.IdNumber;
import org.tanchang.grid.platform.personaldata.Mobile;

/** The request bodies of the dispute endpoints; who acts always comes from the token, never from a body. */
final class DisputeRequests {

    private DisputeRequests() {
    }

    @Schema(name = "OpenDispute", description = "A dispute brought in person (walk-in) or referred from a case")
    record OpenDispute(
            @Schema(example = "LIVESTOCK_DAMAGE") @NotNull DisputeType type,
            @Schema(description = "WALK_IN (default) or CASE", example = "WALK_IN") DisputeSource source,
            @Schema(description = "For CASE: the case or incident id", example = "inc-20260104-0007")
            @Size(max = 128) String sourceReference,
            @Schema(example = "牧民马某的牛群踩踏了杨家村十二户药农的覆膜药苗，药农要求赔偿")
            @NotBlank @Size(max = 2000) String description,
            @Schema(description = "15-digit grid; may be left out when a location inside a known grid is given",
                    example = "621223101001001") @Pattern(regexp = "\\d{15}") String gridCode,
            @Valid Location location,
            @Schema(example = "MEDIUM") @NotNull RiskLevel riskLevel,
            @Valid @Size(max = 50) List<@NotNull @Valid PartyRequest> parties) {
    }

    @Schema(name = "DisputeLocation", description = "WGS 84")
    record Location(@Schema(example = "104.392") @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Schema(example = "34.047") @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude) {
    }

    @Schema(name = "PartyRequest", description = "A party; ID number and phone are stored encrypted and shown masked")
    record PartyRequest(
            @Schema(example = "PERSON") @NotNull PartyKind kind,
            @Schema(example = "APPLICANT") @NotNull PartyRole role,
            @Schema(example = "杨某某") @NotBlank @Size(max = 60) String name,
            @Schema(example = "11010519491231002X") @IdNumber String idNumber,
            @Schema(example = "13800138000") @Mobile String phone,
            @Schema(description = "What the party claims", example = "赔偿被踩踏的覆膜当归苗损失 1200 元")
            @Size(max = 1000) String claims,
            @Schema(description = "The grid the party's household is in, when not the dispute's: the dispute then "
                    + "spans that grid too (its people see it)", example = "621223101002001")
            @Pattern(regexp = "\\d{15}") String gridCode) {
    }

    @Schema(name = "AddParties")
    record AddParties(@NotEmpty @Size(max = 50) List<@NotNull @Valid PartyRequest> parties) {
    }

    @Schema(name = "Remark", description = "An optional remark for the timeline")
    record Remark(@Schema(example = "双方同意调解") @Size(max = 500) String remark) {
    }

    @Schema(name = "AcceptDispute", description = "Acceptance, optionally classifying the dispute anew")
    record Accept(@Schema(example = "双方同意调解") @Size(max = 500) String remark,
            @Schema(example = "LIVESTOCK_DAMAGE") DisputeType type,
            @Schema(description = "At the configured immediate risk the dispute goes to the township at once",
                    example = "MEDIUM") RiskLevel riskLevel) {
    }

    @Schema(name = "DeclineDispute")
    record Decline(@Schema(example = "被申请人明确拒绝调解") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "HoldSession", description = "A mediation session")
    record HoldSession(@Schema(example = "2026-01-05") @NotNull LocalDate heldOn,
            @Schema(example = "杨家村田间地头") @NotBlank @Size(max = 200) String place,
            @Schema(example = "[\"mediator-lichuan-01\", \"officer-lichuan-01\"]")
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 64) String> mediatorIds,
            @Schema(example = "IN_THE_FIELD") @NotNull MediationMethod method,
            @Schema(example = "逐户核实受损面积，双方同意按每亩 1000 元赔偿") @Size(max = 4000) String notes) {
    }

    @Schema(name = "ExtendMediation", description = "More time, agreed by the parties")
    record Extend(@Schema(example = "15") @NotNull @Min(1) @Max(60) Integer days,
            @Schema(example = "双方同意待青苗评估后再行调解") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "Agreement", description = "The signed mediation agreement (调解协议书)")
    record Agree(@Schema(example = "2026-01-06") @NotNull LocalDate signedOn,
            @Schema(description = "When it takes effect; the signing day if left out", example = "2026-01-06")
            LocalDate effectiveOn,
            @NotEmpty @Size(max = 200) List<@NotNull @Valid TermRequest> terms) {
    }

    @Schema(name = "AgreementTerm", description = "What one party owes another, in fen, by when")
    record TermRequest(@Schema(description = "Index of the party who owes", example = "12")
            @NotNull @Min(0) Integer obligorIndex,
            @Schema(description = "Index of the party owed, if any", example = "0") @Min(0) Integer beneficiaryIndex,
            @Schema(example = "赔偿覆膜药苗损失") @NotBlank @Size(max = 500) String obligation,
            @Schema(example = "120000") @NotNull @Min(0) @Max(100_000_000_00L) Long amountFen,
            @Schema(example = "2026-01-20") @NotNull LocalDate dueOn) {
    }

    @Schema(name = "TerminateMediation", description = "How mediation ended without agreement: a party withdrew, "
            + "the parties settled among themselves, or it failed and the matter is referred (then, and only then, "
            + "with a referral target). Left out, the ending is REFERRED when a referral is given.")
    record Terminate(@Schema(example = "双方对赔偿数额分歧过大") @NotBlank @Size(max = 500) String reason,
            @Schema(description = "WITHDRAWN, SELF_SETTLED or REFERRED; REFERRED when left out", example = "REFERRED")
            Ending ending,
            @Schema(description = "Required when the ending is REFERRED, refused otherwise", example = "LITIGATION")
            Referral referral) {

        /** The ending meant: an old client's body with only a referral still means a referral. */
        Ending endingOrDefault() {
            return ending != null ? ending : Ending.REFERRED;
        }
    }

    @Schema(name = "AddDisputeGrids", description = "More grids the dispute spans (e.g. the herder's village)")
    record AddGrids(@Schema(example = "[\"621223101002001\"]")
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "\\d{15}") String> gridCodes,
            @Schema(example = "牛群属拉沙村牧户") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "ScheduleVisit", description = "A follow-up visit asked for by the mediator, e.g. for a party not "
            + "yet asked; made by the caller unless another assignee is named")
    record ScheduleVisit(@Schema(example = "2026-01-15") @NotNull LocalDate dueOn,
            @Schema(description = "The party to visit, as named in the dispute", example = "药农3")
            @Size(max = 60) String partyName,
            @Schema(description = "User name of who makes the visit; the caller if left out",
                    example = "officer-lichuan-01") @Size(max = 64) String assigneeId,
            @Schema(example = "王建军") @Size(max = 60) String assigneeName) {
    }

    @Schema(name = "ExcuseVisit", description = "Why a party is not visited (三个不放: asked, or why not on record)")
    record ExcuseVisit(@Schema(example = "11") @NotNull @Min(0) Integer partyIndex,
            @Schema(example = "已举家外出务工，电话联系确认赔偿到位") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "SuperviseDispute", description = "Supervision (督办): why, and optionally by which county day")
    record Supervise(@Schema(example = "调解超期，请三日内办结") @NotBlank @Size(max = 500) String reason,
            @Schema(description = "The day by which progress is expected; today or later", example = "2026-01-20")
            LocalDate deadline) {
    }

    @Schema(name = "ApplyConfirmation", description = "The parties' joint application for judicial confirmation")
    record ApplyConfirmation(@Schema(example = "2026-01-10") @NotNull LocalDate appliedOn,
            @Schema(example = "双方共同向宕昌县人民法院申请司法确认") @Size(max = 500) String remark) {
    }

    @Schema(name = "PerformTerm", description = "One term performed (the herder paid household 7 of 12)")
    record PerformTerm(@Schema(example = "6") @NotNull @Min(0) Integer termIndex,
            @Schema(example = "2026-01-08") @NotNull LocalDate performedOn,
            @Schema(example = "现金当面交付") @Size(max = 500) String remark) {
    }
}
