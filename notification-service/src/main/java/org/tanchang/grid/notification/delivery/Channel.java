package org.tanchang.grid.notification.delivery;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How a message reaches its recipient; each channel has one {@link ChannelSender}. One named schema instead of an
 * enum inlined in each set: openapi-generator's {@code native} Java client does not compile a set of an inline enum.
 */
@Schema(enumAsRef = true, description = "How a message reaches its recipient")
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
