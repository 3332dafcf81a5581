package org.tanchang.grid.cases.incident;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * case-service's settings ({@code tanchang.cases}).
 *
 * @param timeLimits          type (or DEFAULT) → urgency → step (the state waiting for its next action) → limit
 *                            ({@code PT2H} or {@code 3WD})
 * @param superviseWhenOverdue whether a red flag raises supervision (督办) automatically
 * @param sweepInterval       how often the deadline sweep runs
 * @param sweepBatch          how many flagged incidents one sweep query takes at a time
 */
@ConfigurationProperties("tanchang.cases")
record CaseProperties(Map<String, Map<String, Map<String, String>>> timeLimits, boolean superviseWhenOverdue,
        Duration sweepInterval, int sweepBatch) {

    CaseProperties {
        timeLimits = timeLimits == null ? Map.of() : timeLimits;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        sweepBatch = sweepBatch <= 0 ? 500 : sweepBatch;
    }
}
