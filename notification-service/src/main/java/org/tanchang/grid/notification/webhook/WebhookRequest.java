package org.tanchang.grid.notification.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A new webhook subscription. */
@Schema(name = "WebhookRequest")
record WebhookRequest(
        @Schema(description = "Who is called", example = "县综治中心值班系统") @NotBlank @Size(max = 100) String name,
        @Schema(description = "HTTP(S) address that receives POSTs", example = "https://zzzx.tanchang.example/hooks/grid")
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+") String url,
        @Schema(description = "Shared secret for the HMAC-SHA256 signature, at least 32 characters",
                example = "b3f1c0e29a8d4c7e9f6a5b4c3d2e1f0a9b8c7d6e") @NotBlank @Size(min = 32, max = 256) String secret,
        @Schema(description = "Kinds of message wanted; empty or absent for all", example = "[\"CASE_OVERDUE\"]")
        @Size(max = 50) Set<@NotNull @Pattern(regexp = "[A-Z_]{1,64}") String> kinds,
        @Schema(description = "Language of title and body", example = "zh-CN") @Pattern(regexp = "zh-CN|en")
        String language) {
}
