package org.tanchang.grid.notification.delivery;

/** Where one delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its time (a reminder, quiet hours, a rate limit) or for the worker. */
    PENDING,
    /** Handed over: in the inbox, accepted by the webhook receiver, the SMTP server or the SMS provider. */
    SENT,
    /** The last attempt failed; another follows after a backoff. */
    FAILED,
    /** Given up after the bounded attempts; an operator may replay it. */
    DEAD
}
