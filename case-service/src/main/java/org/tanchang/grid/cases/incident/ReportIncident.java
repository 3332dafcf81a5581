package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tanchang.grid.platform.personaldata.IdNumber;
import org.tanchang.grid.platform.personaldata.Mobile;
import org.tanchang.grid.platform.problem.FieldError;

@Schema(name = "ReportIncident", description = "A report taken by the police directly: a 110 call, a walk-in, a "
        + "referral or another system. Incidents found on patrol arrive from grid-service as events instead.")
record ReportIncident(
        @Schema(description = "How the police learned of it; PATROL_FINDING is not accepted here",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "WALK_IN")
        @NotNull IncidentSource source,
        @Schema(description = "15-digit code of the grid the incident is in. Without it the grid is found from the "
                + "location; an incident that cannot be placed waits in its township's queue for a manual dispatch",
                example = "621223101001001")
        @Pattern(regexp = "\\d{15}", message = "must be a 15-digit grid code") String gridCode,
        @Schema(description = "What happened, 1 to 2000 characters", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "药材地里的当归被盗约200公斤，地边有三轮车车辙。")
        @NotBlank @Size(min = 1, max = 2000) String description,
        @Schema(description = "Id of the 110 call record, referral letter or other system's record",
                example = "110-20261129-0032")
        @Size(max = 128) String sourceReference,
        @Schema(description = "Where it happened, if known") @Valid Location location,
        @Schema(description = "When it was reported; defaults to now and may not be in the future",
                example = "2026-11-29T09:40:00+08:00")
        OffsetDateTime reportedAt,
        @Schema(description = "Who reported it, if they gave their details (a 110 caller may not)") @Valid
        Reporter reporter,
        @Schema(description = "What kind of matter; OTHER (the default) until it is classified at registration",
                example = "HERB_THEFT") IncidentType type,
        @Schema(description = "Sub-type code of the type (see GET /api/incident-types)", example = "FIELD")
        @Size(max = 40) String subType,
        @Schema(description = "NORMAL (default) or URGENT; picks the time limits of the steps", example = "NORMAL")
        Urgency urgency,
        @Schema(description = "9-digit township whose queue takes an incident that cannot be placed in a grid; "
                + "defaults to the caller's township", example = "621223101")
        @Pattern(regexp = "\\d{9}", message = "must be a 9-digit township code") String townshipCode,
        @Schema(description = "User name of the signed-in citizen who reported it (the citizen app, or the desk "
                + "linking the report to the citizen's account); that citizen may follow and rate the case",
                example = "citizen-13800138000")
        @Size(max = 64) String citizenId) {

    /**
     * The reporter's personal data as typed at the desk. It is validated here, encrypted before it is stored, and
     * never echoed: responses show the masked forms.
     */
    @Schema(name = "ReportIncidentReporter", description = "The person who reported the incident; every field is "
            + "optional. Stored encrypted; responses show it masked")
    record Reporter(
            @Schema(description = "Name, up to 50 characters", example = "李德明")
            @Size(max = 50) String name,
            @Schema(description = "18-character resident identity number (GB 11643, check character verified)",
                    example = "110105194901020123")
            @IdNumber String idNumber,
            @Schema(description = "Mainland mobile number; a +86 prefix, spaces and hyphens are accepted",
                    example = "13800138000")
            @Mobile String phone,
            @Schema(description = "Address, up to 200 characters", example = "宕昌县理川镇杨家村三组12号")
            @Size(max = 200) String address) {
    }

    /** Clocks of reporting desks drift; a report a few minutes "in the future" is not an error. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    /** Rules beyond the field annotations (one depends on the clock); checked before anything is stored. */
    List<FieldError> refusals(Instant now, IncidentTypes types) {
        List<FieldError> errors = new ArrayList<>();
        if (source == IncidentSource.PATROL_FINDING) {
            errors.add(new FieldError("source", "patrol findings are reported through grid-service's patrol reports"));
        }
        if (source == IncidentSource.REQUEST_REFERRAL || source == IncidentSource.MEDIATION_REFERRAL) {
            errors.add(new FieldError("source", "referrals from requests and mediations arrive as their events"));
        }
        if (subType != null && !types.allows(type == null ? IncidentType.OTHER : type, subType)) {
            errors.add(new FieldError("subType", "is not a sub-type of " + (type == null ? IncidentType.OTHER : type)));
        }
        if (reportedAt != null && reportedAt.toInstant().isAfter(now.plus(CLOCK_TOLERANCE))) {
            errors.add(new FieldError("reportedAt", "must not be in the future"));
        }
        return errors;
    }
}
