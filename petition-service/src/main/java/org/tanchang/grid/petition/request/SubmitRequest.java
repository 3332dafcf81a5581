package org.tanchang.grid.petition.request;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.tanchang.grid.platform.personaldata.IdNumber;
import org.tanchang.grid.platform.personaldata.Mobile;

@Schema(name = "SubmitRequest", description = "A request for one catalogue item: the form's answers, the materials "
        + "handed in and the applicant. Who submits comes from the token; a citizen's request comes from the APP.")
public record SubmitRequest(
        @Schema(description = "Catalogue item code", requiredMode = Schema.RequiredMode.REQUIRED, example = "HR-BIRTH")
        @NotNull @Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]+)+") String itemCode,
        @Schema(description = "15-digit grid the applicant lives in: an attribute of the request; any window of the county takes it", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "621223101001001")
        @NotNull @Pattern(regexp = "\\d{15}", message = "must be a 15-digit grid code") String gridCode,
        @Schema(description = "WINDOW (default for staff) or HOTLINE; citizens always APP, systems OTHER_SYSTEM",
                example = "WINDOW") Channel channel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Valid Applicant applicant,
        @Schema(description = "Answers to the item's form fields", example = "{\"childName\":\"杨小禾\"}")
        Map<@Size(max = 40) String, @Size(max = 500) String> fields,
        @Schema(description = "Materials handed in, named as in the catalogue", example = "[\"《出生医学证明》\"]")
        @Size(max = 30) List<@NotBlank @Size(max = 100) String> materials,
        @Schema(description = "Free text, up to 1000 characters", example = "孩子出生一个月，来办理落户")
        @Size(max = 1000) String description,
        @Schema(description = "Where it is about, for reports from other systems (Open311): optional")
        @Valid Location location,
        @Schema(description = "The citizen's account (user name), when the window or the hotline knows it: the "
                + "citizen then follows and rates the request in the app. Staff only; a citizen who signs up later "
                + "links the request with its number and their identity number (POST /api/service-requests/link)",
                example = "citizen.liu")
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]*", message = "must be an account name")
        String citizenAccount) {

    @Schema(name = "RequestApplicant", description = "The applicant; stored encrypted, shown masked")
    public record Applicant(
            @Schema(example = "杨建国") @NotBlank @Size(max = 50) String name,
            @Schema(description = "18-character resident identity number", example = "110105194901020123")
            @NotNull @IdNumber String idNumber,
            @Schema(example = "13800138000") @Mobile String phone) {
    }

    @Schema(name = "RequestLocation", description = "A place and a photo; the address is stored encrypted, shown masked")
    public record Location(
            @Schema(example = "宕昌县理川镇杨家村二组") @Size(max = 200) String address,
            @Schema(example = "34.047") @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Schema(example = "104.393") @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Schema(example = "https://example.org/photo.jpg")
            @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String mediaUrl) {
    }
}
