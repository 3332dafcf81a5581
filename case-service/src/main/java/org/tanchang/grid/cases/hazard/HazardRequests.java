package org.tanchang.grid.cases.hazard;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.personaldata.Mobile;

/** The bodies of the hazard endpoints; validated before anything is stored (400 problem, nothing changes). */
final class HazardRequests {

    private HazardRequests() {
    }

    @Schema(name = "OpenHazard", description = "A hazard found on the ground and recorded directly (patrol findings "
            + "arrive from grid-service as events instead)")
    record Open(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "FIRE") @NotNull HazardKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HIGH") @NotNull RiskLevel riskLevel,
            @Schema(description = "15-digit code of the grid it is in; must lie in the caller's area",
                    requiredMode = Schema.RequiredMode.REQUIRED, example = "621223101001001")
            @NotNull @Pattern(regexp = "\\d{15}", message = "must be a 15-digit grid code") String gridCode,
            @Schema(description = "Where it is", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull @Valid Position location,
            @Schema(description = "What the danger is, 1 to 2000 characters",
                    requiredMode = Schema.RequiredMode.REQUIRED, example = "村民家中柴火堆紧靠灶台，电线裸露。")
            @NotBlank @Size(max = 2000) String description,
            @Schema(description = "Who must remove it, if known yet") @Valid Party responsibleParty,
            @Schema(description = "User name of the responsible officer; defaults to the caller when an officer",
                    example = "officer-lichuan-01") @Size(max = 64) String officerId,
            @Schema(description = "Display name of the responsible officer", example = "李警官")
            @Size(max = 50) String officerName,
            @Schema(description = "User name of the grid member following it up; defaults to the caller when a "
                    + "grid member", example = "member-yangjia-01") @Size(max = 64) String memberId,
            @Schema(description = "Display name of the grid member", example = "杨网格")
            @Size(max = 50) String memberName) {
    }

    /** A position; boxed so that a missing coordinate is an error, not 0. */
    @Schema(name = "HazardPosition", description = "A WGS 84 position")
    record Position(
            @Schema(example = "104.3948") @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Schema(example = "34.0472") @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude) {

        GeoPoint toGeoPoint() {
            return new GeoPoint(longitude, latitude);
        }
    }

    @Schema(name = "HazardResponsibleParty", description = "Who must remove the hazard. Stored encrypted; responses "
            + "show it masked")
    record Party(
            @Schema(description = "Name of the person or organisation, up to 50 characters",
                    requiredMode = Schema.RequiredMode.REQUIRED, example = "王建国")
            @NotBlank @Size(max = 50) String name,
            @Schema(description = "Mainland mobile number, optional", example = "13800138000") @Mobile String phone) {
    }

    @Schema(name = "OrderRectification", description = "The rectification order: what must be done; the deadline "
            + "follows from the risk level (tanchang.hazards.rectification-limits, on the work calendar)")
    record Order(
            @Schema(description = "What must be done, 1 to 2000 characters",
                    requiredMode = Schema.RequiredMode.REQUIRED, example = "清理灶台周边柴火，更换裸露电线。")
            @NotBlank @Size(max = 2000) String measures,
            @Schema(description = "Who must do it; required unless the hazard already names one") @Valid
            Party responsibleParty,
            @Schema(description = "Reclassify the risk (picks the deadline)", example = "HIGH") RiskLevel riskLevel,
            @Schema(description = "Reclassify the kind", example = "FIRE") HazardKind kind,
            @Schema(description = "Note for the timeline", example = "已当面告知户主") @Size(max = 500) String remark) {
    }

    @Schema(name = "HazardRemark", description = "An optional note for the timeline")
    record Remark(@Schema(example = "户主称已整改完毕") @Size(max = 500) String remark) {
    }

    @Schema(name = "HazardReason", description = "Why, for the timeline")
    record Reason(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "重复上报")
            @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "HazardReinspection", description = "What the re-inspection found")
    record Reinspection(@Schema(description = "What was seen on site", requiredMode = Schema.RequiredMode.REQUIRED,
            example = "柴火已清理，电线已更换。") @NotBlank @Size(max = 1000) String findings) {
    }
}
