package org.tanchang.grid.platform.outbox;

/** Sends one event and returns only once the broker has acknowledged it; throws if it could not. */
@FunctionalInterface
public interface OutboxPublisher {

    void publish(OutboxEvent event) throws Exception;
}
