package org.tanchang.grid.platform.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retention how long audit records are kept before the TTL index removes them ({@code tanchang.audit.retention},
 *                  ISO-8601 such as {@code P365D} or Spring's {@code 365d}); at least {@value #MINIMUM_DAYS} days
 *                  (issue 3, item 5). A shorter value stops the service from starting rather than silently
 *                  deleting evidence early.
 */
@ConfigurationProperties("tanchang.audit")
public record AuditProperties(Duration retention) {

    public static final long MINIMUM_DAYS = 180;

    public AuditProperties {
        retention = retention == null ? Duration.ofDays(MINIMUM_DAYS) : retention;
        if (retention.compareTo(Duration.ofDays(MINIMUM_DAYS)) < 0) {
            throw new IllegalArgumentException("tanchang.audit.retention is " + retention + " but audit records must "
                    + "be kept at least " + MINIMUM_DAYS + " days (P" + MINIMUM_DAYS + "D)");
        }
    }
}
