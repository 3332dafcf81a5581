package org.tanchang.grid.gridservice.patrol;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** What an officer sends to design patrols; separate from the stored documents. */
final class PatrolDesignRequests {

    static final String PERIOD = "([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d";

    private PatrolDesignRequests() {
    }

    @Schema(description = "WGS 84 position")
    record Position(
            @Schema(example = "104.385") @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Schema(example = "34.05") @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude) {
    }

    @Schema(description = "A must-visit point (必到点) inside a grid")
    record CreatePoint(
            @Schema(example = "621223101001001") @NotNull @Pattern(regexp = "\\d{15}") String gridCode,
            @Schema(example = "杨家村药材交易点") @NotBlank @Size(max = 50) String name,
            @NotNull @Valid Position location,
            @Schema(description = "Reached within this many metres (default from configuration, 50)", example = "50")
            @DecimalMin("5") @DecimalMax("1000") Double radiusMetres,
            @ArraySchema(arraySchema = @Schema(description = "Key periods, local time", example = "[\"19:00-22:00\"]"))
            @Size(max = 10) List<@NotNull @Pattern(regexp = PERIOD, message = "must be HH:mm-HH:mm") String> keyPeriods) {
    }

    @Schema(description = "A must-patrol route (必巡线) in a grid")
    record CreateRoute(
            @Schema(example = "621223101001001") @NotNull @Pattern(regexp = "\\d{15}") String gridCode,
            @Schema(example = "村道一号线") @NotBlank @Size(max = 50) String name,
            @Schema(description = "The line, in order, at least two positions") @NotNull @Size(min = 2, max = 500)
            List<@NotNull @Valid Position> line,
            @ArraySchema(arraySchema = @Schema(example = "[\"06:00-08:00\"]"))
            @Size(max = 10) List<@NotNull @Pattern(regexp = PERIOD, message = "must be HH:mm-HH:mm") String> keyPeriods) {
    }

    @Schema(description = "A must-visit point as it now is; it stays in its grid (plans of that grid refer to it)")
    record UpdatePoint(
            @Schema(example = "杨家村药材交易点") @NotBlank @Size(max = 50) String name,
            @NotNull @Valid Position location,
            @Schema(description = "Reached within this many metres (default from configuration, 50)", example = "50")
            @DecimalMin("5") @DecimalMax("1000") Double radiusMetres,
            @ArraySchema(arraySchema = @Schema(description = "Key periods, local time", example = "[\"19:00-22:00\"]"))
            @Size(max = 10) List<@NotNull @Pattern(regexp = PERIOD, message = "must be HH:mm-HH:mm") String> keyPeriods) {
    }

    @Schema(description = "A must-patrol route as it now is; it stays in its grid (plans of that grid refer to it)")
    record UpdateRoute(
            @Schema(example = "村道一号线") @NotBlank @Size(max = 50) String name,
            @Schema(description = "The line, in order, at least two positions") @NotNull @Size(min = 2, max = 500)
            List<@NotNull @Valid Position> line,
            @ArraySchema(arraySchema = @Schema(example = "[\"06:00-08:00\"]"))
            @Size(max = 10) List<@NotNull @Pattern(regexp = PERIOD, message = "must be HH:mm-HH:mm") String> keyPeriods) {
    }

    @Schema(description = "A plan: which member covers which points and routes of one grid in a window")
    record CreatePlan(
            @Schema(example = "621223101001001") @NotNull @Pattern(regexp = "\\d{15}") String gridCode,
            @Schema(description = "Username of the member", example = "member.yangjia") @NotBlank @Size(max = 64)
            String memberId,
            @Schema(example = "2026-01-04T19:00:00+08:00") @NotNull OffsetDateTime windowStart,
            @Schema(example = "2026-01-04T22:00:00+08:00") @NotNull OffsetDateTime windowEnd,
            @Size(max = 50) List<@NotBlank String> pointIds,
            @Size(max = 20) List<@NotBlank String> routeIds) {

        @AssertTrue(message = "windowEnd must be after windowStart, and the plan needs a point or a route")
        @Schema(hidden = true)
        boolean isWindow() {
            return windowStart == null || windowEnd == null || windowEnd.isAfter(windowStart)
                    && (!points().isEmpty() || !routes().isEmpty());
        }

        List<String> points() {
            return pointIds == null ? List.of() : pointIds;
        }

        List<String> routes() {
            return routeIds == null ? List.of() : routeIds;
        }
    }

}
