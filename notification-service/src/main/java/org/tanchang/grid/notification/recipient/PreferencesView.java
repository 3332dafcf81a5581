package org.tanchang.grid.notification.recipient;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.platform.time.Times;

/** A person's notification preferences as the API shows them; the mobile only masked. */
@Schema(name = "Preferences", requiredProperties = {"recipientId", "language", "channels", "mutedKinds"})
record PreferencesView(
        @Schema(description = "The user name", example = "citizen-yang") String recipientId,
        @Schema(example = "杨老汉") String name,
        @Schema(example = "zh-CN") String language,
        @Schema(description = "All channels, the inbox included", example = "[\"EMAIL\",\"INBOX\"]")
        Set<Channel> channels,
        @Schema(example = "[]") Set<String> mutedKinds,
        // no nullable here: on a $ref it was written as {"type":"null","$ref":...}, which no value satisfies; the
        // platform marks every optional property nullable
        @Schema(description = "null when none are set") PreferencesRequest.QuietHours quietHours,
        @Schema(nullable = true, example = "yang.laohan@example.cn") String email,
        @Schema(nullable = true, example = "138****8000") String mobile,
        @Schema(nullable = true, example = "2026-05-12T08:00:00+08:00") OffsetDateTime updatedAt) {

    static PreferencesView of(Recipient r, String defaultLanguage) {
        Set<Channel> channels = new TreeSet<>(r.channels == null ? Set.of() : r.channels);
        channels.add(Channel.INBOX);
        return new PreferencesView(r.id, r.name, r.language != null ? r.language : defaultLanguage, channels,
                r.mutedKinds == null ? Set.of() : new TreeSet<>(r.mutedKinds),
                r.quietFrom == null ? null : new PreferencesRequest.QuietHours(r.quietFrom, r.quietTo), r.email,
                r.mobile == null ? null : r.mobile.masked(), Times.local(r.preferencesUpdatedAt));
    }
}
