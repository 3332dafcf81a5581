package org.tanchang.grid.gridservice.care;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** What officers send to pair a member with a household, and what a visitor records. */
final class CareRequests {

    static final String USER_NAME = "[A-Za-z0-9._@-]{1,64}";

    private CareRequests() {
    }

    @Schema(description = "Pair a member or officer with a household that has care tags")
    record CreatePlan(
            @Schema(description = "The household's grid", example = "621223101001001")
            @NotNull @Pattern(regexp = "\\d{15}") String gridCode,
            @Schema(example = "hh-2b7e6c1e-8a43-4c3f-9a57-0b1e5f3a9d10") @NotBlank @Size(max = 64) String householdId,
            @Schema(description = "User name of the paired member or officer", example = "member-yangjia-1")
            @NotNull @Pattern(regexp = USER_NAME) String memberId,
            @Schema(description = "Days between visits; default: the most frequent need of the household's tags "
                    + "(tanchang.grid.care.frequency-days)", example = "7")
            @Min(1) @Max(90) Integer frequencyDays) {
    }

    @Schema(description = "Change who visits or how often; the next due day is counted again from the last visit")
    record ChangePlan(
            @Schema(example = "member-yangjia-2") @NotNull @Pattern(regexp = USER_NAME) String memberId,
            @Schema(description = "Days between visits; null: the tags' default", example = "14")
            @Min(1) @Max(90) Integer frequencyDays) {
    }

    @Schema(description = "Why the pairing ends")
    record EndPlan(@Schema(example = "老人已随子女迁居县城") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(description = "A visit made to the household of the plan")
    record RecordVisit(
            @Schema(description = "When the visit was made; default now; not in the future",
                    example = "2026-01-04T15:00:00+08:00") OffsetDateTime visitedAt,
            @Schema(description = "What was found", example = "老人身体尚好，家中缺少过冬煤炭")
            @NotBlank @Size(max = 1000) String found,
            @Schema(description = "What was done", example = "联系村委会送去两百斤煤炭，检查了电线")
            @NotBlank @Size(max = 1000) String done,
            @Schema(description = "Something needs doing before the next visit", example = "true")
            boolean followUpNeeded) {
    }
}
