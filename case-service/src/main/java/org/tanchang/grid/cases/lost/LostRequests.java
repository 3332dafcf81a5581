package org.tanchang.grid.cases.lost;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.personaldata.IdNumber;

/** Request bodies of lost property; document numbers are stored only protected and never echoed. */
final class LostRequests {

    static final String CATEGORY = "BAG|WALLET|PHONE|DOCUMENTS|KEYS|JEWELLERY|OTHER";
    static final String AREA = "\\d{9}|\\d{12}|\\d{15}";

    private LostRequests() {
    }

    @Schema(name = "LostDocument", description = "A document in the item; ID_CARD numbers are checked (GB 11643)")
    record Document(
            @Schema(example = "ID_CARD") @NotNull @Pattern(regexp = "ID_CARD|BANK_CARD|DRIVING_LICENCE|OTHER",
                    message = "must be ID_CARD, BANK_CARD, DRIVING_LICENCE or OTHER") String type,
            @Schema(example = "110105194901020123") @NotBlank @Size(max = 40) String number) {
    }

    @Schema(name = "Position", description = "A WGS 84 position")
    record Position(@NotNull Double longitude, @NotNull Double latitude) {
        GeoPoint toGeoPoint() {
            return new GeoPoint(longitude, latitude);
        }
    }

    @Schema(name = "ReportLost", description = "What was lost, when and where")
    record ReportLost(
            @Schema(example = "BAG") @NotNull @Pattern(regexp = CATEGORY, message = "must be one of " + CATEGORY)
            String category,
            @Schema(example = "黑色双肩背包，内有身份证、两张银行卡和充电宝") @NotBlank @Size(max = 500) String description,
            @Schema(example = "2026-11-28T14:00:00+08:00") @NotNull OffsetDateTime lostFrom,
            @Schema(example = "2026-11-28T15:30:00+08:00") @NotNull OffsetDateTime lostTo,
            @Valid Position location,
            @Schema(description = "Area code where it was lost (township, village or grid)", example = "621223101")
            @Pattern(regexp = AREA, message = "must be a 9, 12 or 15-digit area code") String areaCode,
            @Schema(description = "Documents in it, with their numbers") @Valid @Size(max = 10) List<Document> documents,
            @Schema(description = "The signed-in citizen it belongs to, when the desk takes it for them",
                    example = "citizen-13800138000") @Size(max = 64) String citizenId) {
    }

    @Schema(name = "IntakeFoundItem", description = "A found item handed in; the finder gets the receipt number")
    record IntakeFound(
            @Schema(example = "BAG") @NotNull @Pattern(regexp = CATEGORY, message = "must be one of " + CATEGORY)
            String category,
            @Schema(example = "黑色双肩背包，内有身份证和银行卡") @NotBlank @Size(max = 500) String description,
            @Schema(example = "2026-11-28T16:10:00+08:00") @NotNull OffsetDateTime foundAt,
            @Valid Position location,
            @Schema(example = "621223101001001") @NotNull @Pattern(regexp = AREA,
                    message = "must be a 9, 12 or 15-digit area code") String areaCode,
            @Schema(example = "理川派出所失物保管柜3号") @NotBlank @Size(max = 200) String custodyLocation,
            @Schema(example = "赵师傅") @Size(max = 50) String finderName,
            @Valid @Size(max = 10) List<Document> documents) {
    }

    @Schema(name = "MatchFoundItem", description = "Confirms that a found item is the one of a lost report")
    record Match(@Schema(example = "lost-8d1f4c7a") @NotBlank String lostReportId) {
    }

    @Schema(name = "ReleaseMatch", description = "Why a confirmed match was wrong")
    record Release(@Schema(example = "失主到场核对：背包内物品与报失不符") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "ClaimFoundItem", description = "Handover to the owner, who proves identity with the ID number "
            + "in the lost report, or to a proxy with an authorisation document")
    record Claim(
            @Schema(example = "lost-8d1f4c7a") @NotBlank String lostReportId,
            @Schema(description = "The claimant's identity number (the owner's, or the proxy's)",
                    example = "110105194901020123") @NotNull @IdNumber String claimantIdNumber,
            @Schema(description = "Set for a proxy: the owner's signed authorisation (https URL)",
                    example = "https://files.tanchang.example/auth/77.pdf")
            @Pattern(regexp = "https://\\S+", message = "must be an https URL") String proxyAuthorisationUrl,
            @Schema(description = "SHA-256 of the signed handover record", requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits")
            String signatureSha256) {
    }

    @Schema(name = "PublishNotice", description = "The public text of a notice: no names, numbers or addresses")
    record Notice(@Schema(example = "11月28日在宕昌服务区拾得黑色双肩背包一个") @NotBlank @Size(max = 200)
            String publicDescription) {
    }

    @Schema(name = "DisposeFoundItem", description = "Disposal after the notice period")
    record Dispose(@Schema(example = "AUCTION") @NotNull @Pattern(regexp = "AUCTION|DONATION|DESTRUCTION|TREASURY",
            message = "must be AUCTION, DONATION, DESTRUCTION or TREASURY") String method,
            @Schema(example = "公告期满无人认领，上缴国库") @Size(max = 500) String remark) {
    }
}
