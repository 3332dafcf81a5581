package org.tanchang.grid.platform.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retention how long audit records are kept before the TTL index removes them ({@code tanchang.audit.retention},
 *                  ISO-8601 such as {@code P365D} or Spring's {@code 365d}); at least {@value #MINIMUM_DAYS} days
 *                  (issue 3, item 5). A shorter value stops the service from starting rather than silently
 *                  deleting evidence early.
 * @param verifyInterval     how often the chain is verified in the background and the outcome published as the
 *                           gauge {@code tanchang_audit_chain_intact} (default 10 minutes; 0 switches it off)
 * @param verifyInitialDelay the first verification after start-up (default 30 s)
 */
@ConfigurationProperties("tanchang.audit")
public record AuditProperties(Duration retention, Duration verifyInterval, Duration verifyInitialDelay) {

    public static final long MINIMUM_DAYS = 180;

    public AuditProperties(Duration retention) {
        this(retention, null, null);
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public AuditProperties {
        verifyInterval = verifyInterval == null ? Duration.ofMinutes(10) : verifyInterval;
        verifyInitialDelay = verifyInitialDelay == null ? Duration.ofSeconds(30) : verifyInitialDelay;
        retention = retention == null ? Duration.ofDays(MINIMUM_DAYS) : retention;
        if (retention.compareTo(Duration.ofDays(MINIMUM_DAYS)) < 0) {
            throw new IllegalArgumentException("tanchang.audit.retention is " + retention + " but audit records must "
                    + "be kept at least " + MINIMUM_DAYS + " days (P" + MINIMUM_DAYS + "D)");
        }
    }
}
