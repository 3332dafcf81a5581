package org.tanchang.grid.notification.inbox;

/** How a notification reaches its recipient. SMS and app push come later, each as one more channel. */
enum Channel {
    /** The recipient's inbox in the suite, read through this API. */
    INBOX
}
