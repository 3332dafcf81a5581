package org.tanchang.grid.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval    how often the relay looks for pending events when nobody woke it
 * @param sendTimeout     how long one publish may wait for the broker's ack before the relay backs off
 * @param maxBackoff      the longest pause between attempts while the broker is unreachable
 * @param batchSize       documents read per collection and pass
 * @param collections     extra collections to relay from, beyond the mapped entities that have an outbox field
 */
@ConfigurationProperties("tanchang.outbox")
public record OutboxProperties(
        Duration pollInterval, Duration sendTimeout, Duration maxBackoff, int batchSize, List<String> collections) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        collections = collections == null ? List.of() : List.copyOf(collections);
    }
}
