package org.tanchang.grid.gridservice.member;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.tanchang.grid.platform.personaldata.Mobile;

/** What an officer sends to register or change a member. */
final class MemberRequests {

    private MemberRequests() {
    }

    @Schema(description = "A member to register")
    record Register(
            @Schema(description = "User name at the auth server", example = "member.yangjia") @NotBlank
            @Pattern(regexp = "[A-Za-z0-9._-]{3,64}") String id,
            @Schema(example = "李德明") @NotBlank @Size(max = 50) String name,
            @Schema(example = "RETIRED_OFFICER") @NotNull Force force,
            @ArraySchema(arraySchema = @Schema(example = "[\"DISPUTE_MEDIATOR\",\"POLICY_PUBLICIST\"]"))
            @NotEmpty @Size(max = 8)
            List<@NotNull Duty> duties,
            @ArraySchema(arraySchema = @Schema(example = "[\"621223101001001\"]")) @NotEmpty @Size(max = 20)
            List<@NotNull @Pattern(regexp = "\\d{15}") String> gridCodes,
            @Schema(example = "13800138000") @Mobile String mobile) {
    }

    @Schema(description = "Changes to a member; absent fields stay as they are")
    record Change(
            @Schema(example = "李德明") @Size(min = 1, max = 50) String name,
            Force force,
            @Size(min = 1, max = 8) List<@NotNull Duty> duties,
            @Size(min = 1, max = 20) List<@NotNull @Pattern(regexp = "\\d{15}") String> gridCodes,
            @Schema(description = "false when the member stops working") Boolean active,
            @Mobile String mobile) {
    }
}
