package org.tanchang.grid.notification.delivery;

/**
 * One way of reaching people. A sender either returns (handed over) or throws (this attempt failed; the delivery
 * is retried with backoff and dies after the bounded attempts).
 */
public interface ChannelSender {

    Channel channel();

    /** Whether the channel is configured here (an SMTP server, an SMS provider); no deliveries are planned otherwise. */
    default boolean available() {
        return true;
    }

    void send(Outgoing message) throws Exception;
}
