package org.tanchang.grid.notification.delivery;

import io.swagger.v3.oas.annotations.media.Schema;

/** How a message reaches its recipient; each channel has one {@link ChannelSender}. */
// A named schema, not an inline enum: openapi-generator 7.25's Java "native" library does not compile a set of
// inline enum values (its query-string encoder iterates them as String).
@Schema(enumAsRef = true, description = "How a message reaches its recipient.")
public enum Channel {
    /** The recipient's inbox in the suite, read through the API and pushed live over Server-Sent Events. */
    INBOX,
    /** A signed HTTP callback to another system that subscribed. */
    WEBHOOK,
    /** E-mail through SMTP. */
    EMAIL,
    /** A text message through the configured SMS provider. */
    SMS
}
