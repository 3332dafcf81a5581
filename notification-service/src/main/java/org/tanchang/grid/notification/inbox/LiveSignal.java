package org.tanchang.grid.notification.inbox;

/**
 * What the instance that recorded an inbox message tells the others: push this view to that recipient's streams.
 * The view is exactly what a stream shows (rendered and scrubbed text, no personal data beyond it).
 *
 * @param origin the instance that recorded it and has pushed it to its own streams already
 */
record LiveSignal(String recipientId, NotificationView view, String origin) {
}
