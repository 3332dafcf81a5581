package org.tanchang.grid.platform.consume;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param attempts      deliveries of one record before it goes to the dead-letter topic (first try included)
 * @param retryInterval pause between those attempts
 * @param partitions    partitions of the topics this service declares
 * @param replicas      replication factor of those topics (1 on the local broker, 3 on a cluster)
 */
@ConfigurationProperties("tanchang.events")
public record ConsumerProperties(int attempts, Duration retryInterval, int partitions, short replicas) {

    public ConsumerProperties {
        attempts = attempts <= 0 ? 3 : attempts;
        retryInterval = retryInterval == null ? Duration.ofSeconds(1) : retryInterval;
        partitions = partitions <= 0 ? 3 : partitions;
        replicas = replicas <= 0 ? 1 : replicas;
    }
}
