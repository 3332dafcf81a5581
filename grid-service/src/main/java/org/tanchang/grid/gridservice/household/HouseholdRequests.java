package org.tanchang.grid.gridservice.household;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.tanchang.grid.platform.personaldata.IdNumber;
import org.tanchang.grid.platform.personaldata.Mobile;

/** What a grid member sends to record a household. */
final class HouseholdRequests {

    private HouseholdRequests() {
    }

    @Schema(description = "A resident of the household")
    record ResidentInput(
            @Schema(example = "王秀英") @NotBlank @Size(max = 50) String name,
            @Schema(example = "户主") @NotBlank @Size(max = 20) String relation,
            @Schema(example = "11010519491231002X") @IdNumber String idNumber,
            @Schema(example = "13800138000") @Mobile String mobile,
            @ArraySchema(arraySchema = @Schema(example = "[\"ELDERLY_LIVING_ALONE\"]")) @Size(max = 8)
            Set<@NotNull CareTag> careTags) {
    }

    @Schema(description = "A household of a grid")
    record CreateHousehold(
            @Schema(example = "621223101001001") @NotNull @Pattern(regexp = "\\d{15}") String gridCode,
            @Schema(description = "Ten-household unit under the grid", example = "621223101001001001")
            @Pattern(regexp = "\\d{18}") String unitCode,
            @Schema(example = "理川镇杨家村一组12号") @NotBlank @Size(max = 200) String address,
            @Size(max = 8) Set<@NotNull CareTag> careTags,
            @NotEmpty @Size(max = 30) List<@Valid @NotNull ResidentInput> residents) {

        @AssertTrue(message = "unitCode must lie under gridCode")
        @Schema(hidden = true)
        boolean isUnitInGrid() {
            return unitCode == null || gridCode == null || unitCode.startsWith(gridCode);
        }
    }
}
