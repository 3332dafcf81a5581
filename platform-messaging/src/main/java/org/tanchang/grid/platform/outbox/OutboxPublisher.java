package org.tanchang.grid.platform.outbox;

import java.util.concurrent.CompletableFuture;

/** Sends one event; {@link #send} completes once the broker has acknowledged it, exceptionally if it could not. */
@FunctionalInterface
public interface OutboxPublisher {

    /** Sends and returns only once the broker has acknowledged; throws if it could not. */
    void publish(OutboxEvent event) throws Exception;

    /** Sends without waiting; the relay keeps many sends in flight and awaits them together. */
    default CompletableFuture<Void> send(OutboxEvent event) {
        try {
            publish(event);
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
