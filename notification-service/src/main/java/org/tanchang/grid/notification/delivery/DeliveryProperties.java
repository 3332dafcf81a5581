package org.tanchang.grid.notification.delivery;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How deliveries are worked off ({@code tanchang.notification.delivery}).
 *
 * @param pollInterval        how often the worker looks for due deliveries
 * @param batchSize           at most this many per poll, so one poll never holds the worker for long
 * @param lease               how long a worker holds a claimed delivery before another may take it
 * @param maxAttempts         attempts before a delivery is DEAD
 * @param initialBackoff      wait after the first failure; doubled ({@code multiplier}) after each further one
 * @param maxBackoff          the longest wait between two attempts
 * @param quietHoursChannels  channels that wait for the end of the recipient's quiet hours (the inbox is silent)
 * @param rateLimit           at most this many messages per recipient and channel in {@code rateWindow}
 * @param rateLimitedChannels channels the rate limit applies to
 */
@ConfigurationProperties("tanchang.notification.delivery")
record DeliveryProperties(Duration pollInterval, int batchSize, Duration lease, int maxAttempts,
        Duration initialBackoff, double multiplier, Duration maxBackoff, Set<Channel> quietHoursChannels,
        int rateLimit, Duration rateWindow, Set<Channel> rateLimitedChannels) {

    /** Exponential: initial × multiplier^(failures − 1), capped. */
    Duration backoffAfter(int failures) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}
