package org.tanchang.grid.notification.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tanchang.grid.platform.time.Times;

/** A webhook subscription as the API shows it: never its secret. */
@Schema(name = "WebhookSubscription", requiredProperties = {"id", "name", "url", "kinds", "active", "createdAt"})
record WebhookView(
        @Schema(example = "wh-5c1e0b7a9d2f") String id,
        @Schema(example = "县综治中心值班系统") String name,
        @Schema(example = "https://zzzx.tanchang.example/hooks/grid") String url,
        @Schema(example = "[\"CASE_OVERDUE\"]") Set<String> kinds,
        @Schema(example = "zh-CN") String language,
        @Schema(example = "true") boolean active,
        @Schema(example = "system-zzzx") String createdBy,
        @Schema(example = "2026-05-12T08:00:00+08:00") OffsetDateTime createdAt,
        @Schema(description = "The areas whose messages are sent (the subscriber's when it subscribed); null for a "
                + "subscription older than ownership, which gets every area", example = "[\"621223\"]")
        List<String> areaCodes) {

    static WebhookView of(WebhookSubscription s) {
        return new WebhookView(s.id, s.name, s.url, new TreeSet<>(s.kinds == null ? Set.of() : s.kinds), s.language,
                s.active, s.createdBy, Times.local(s.createdAt), s.areaCodes);
    }
}
