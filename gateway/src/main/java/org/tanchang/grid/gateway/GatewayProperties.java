package org.tanchang.grid.gateway;

import java.time.Duration;
import java.util.List;
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
 * @param rateLimit             token buckets for {@code /api/**}: per user and per client, or per address when anonymous
 * @param publicPaths           path patterns open without a token; everything else needs a valid one (a token that is
 *                              presented is checked everywhere, public paths included). Empty: nothing is open.
 * @param verifiedTokens        tokens remembered once verified, so a client's next request is not verified again
 * @param maxUploadSize         largest declared body of a file upload (a POST to one of {@code uploadPaths}): as the
 *                              services' multipart limit ({@code spring.servlet.multipart.max-request-size})
 * @param uploadPaths           path patterns of the file uploads ({@code /api/<matters>/{id}/files})
 */
@ConfigurationProperties("tanchang.gateway")
record GatewayProperties(
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("true") boolean stripForwardedHeaders,
        @DefaultValue RateLimit rateLimit,
        List<String> publicPaths,
        @DefaultValue VerifiedTokens verifiedTokens,
        @DefaultValue("11MB") DataSize maxUploadSize,
        List<String> uploadPaths) {

    GatewayProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        uploadPaths = uploadPaths == null ? List.of() : List.copyOf(uploadPaths);
        verifiedTokens = verifiedTokens == null ? new VerifiedTokens(2000, Duration.ofMinutes(5)) : verifiedTokens;
    }

    /**
     * @param enabled     off: nothing is limited ({@code GATEWAY_RATE_LIMIT_ENABLED=false}, for load measurements)
     * @param maxCallers  callers kept at once per kind of caller (a bucket is dropped anyway once it is full again)
     * @param perUser     one bucket per signed-in person (the token's {@code sub})
     * @param perClient   one bucket per application (the token's {@code client_id}, else {@code azp}), shared by all
     *                    its users, so one noisy app cannot starve the others
     * @param perAddress  one bucket per client address, for requests without a token (public paths only)
     */
    record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100000") int maxCallers,
            @DefaultValue Budget perUser,
            @DefaultValue Budget perClient,
            @DefaultValue Budget perAddress) {
    }

    /**
     * @param capacity        requests one caller may send in a burst
     * @param refillPerSecond sustained requests per second for one caller
     */
    record Budget(@DefaultValue("1000") long capacity, @DefaultValue("500") double refillPerSecond) {
    }

    /**
     * @param maxTokens tokens remembered at once (0: none, every request's token is verified again)
     * @param ttl       how long a verified token is remembered; its expiry is checked on every use regardless
     */
    record VerifiedTokens(@DefaultValue("2000") int maxTokens, @DefaultValue("5m") Duration ttl) {
    }
}
