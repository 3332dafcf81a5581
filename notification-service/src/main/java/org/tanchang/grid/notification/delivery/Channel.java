package org.tanchang.grid.notification.delivery;

/** How a message reaches its recipient; each channel has one {@link ChannelSender}. */
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
