package org.tanchang.grid.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings.
 *
 * @param maxRequestSize        largest declared request body; larger ones get 413 before a service is bothered
 * @param retryAfter            what a 503 tells the client to wait (about a registry refresh plus a restart)
 * @param stripForwardedHeaders drop client-sent {@code Forwarded}/{@code X-Forwarded-*} so services only see what
 *                              this gateway writes; turn off when a trusted load balancer sits in front
 * @param rateLimit             per-caller token bucket for {@code /api/**}
 * @param requireToken          refuse {@code /api/**} (but the public catalogue) without a valid bearer token
 */
@ConfigurationProperties("tanchang.gateway")
record GatewayProperties(
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("true") boolean stripForwardedHeaders,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("false") boolean requireToken) {

    /**
     * @param capacity        requests a caller may send in a burst
     * @param refillPerSecond sustained requests per second per caller
     * @param maxCallers      callers tracked at once before idle (full) buckets are dropped
     */
    record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1000") long capacity,
            @DefaultValue("500") double refillPerSecond,
            @DefaultValue("100000") int maxCallers) {
    }
}
