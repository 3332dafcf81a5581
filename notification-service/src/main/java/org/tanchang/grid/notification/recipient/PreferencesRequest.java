package org.tanchang.grid.notification.recipient;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.platform.personaldata.Mobile;

/** A person's own notification preferences, as they set them (the whole picture: absent means none). */
@Schema(name = "PreferencesRequest")
record PreferencesRequest(
        @Schema(description = "Language of the messages", example = "zh-CN", allowableValues = {"zh-CN", "en"})
        @NotNull @Pattern(regexp = "zh-CN|en") String language,
        // @ArraySchema: with the element annotated, a plain @Schema's example also landed on the Channel schema
        @ArraySchema(arraySchema = @Schema(
                description = "Channels besides the inbox (which everybody has): EMAIL needs an email, SMS a mobile",
                example = "[\"EMAIL\"]")) @Size(max = 3) Set<@NotNull Channel> channels,
        @Schema(description = "Kinds of message not wanted at all", example = "[\"PATROL_REPORT_SUBMITTED\"]")
        @Size(max = 50) Set<@NotNull @Pattern(regexp = "[A-Z_]{1,64}") String> mutedKinds,
        @Schema(description = "No e-mail or SMS in these hours (county time); they wait until the end")
        @Valid QuietHours quietHours,
        @Schema(description = "Address for the EMAIL channel", example = "yang.laohan@example.cn")
        @Email @Size(max = 254) String email,
        @Schema(description = "Mainland mobile for the SMS channel; stored encrypted, shown masked",
                example = "13800138000") @Mobile String mobile) {

    /** From and to in county time, HH:mm; a period may run over midnight (22:00 to 07:00). */
    record QuietHours(
            @Schema(example = "22:00") @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String from,
            @Schema(example = "07:00") @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String to) {
    }
}
