package org.tanchang.grid.cases.incident;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * case-service's settings ({@code tanchang.cases}); how often deadlines are swept is the platform's
 * ({@code tanchang.deadlines.*}).
 *
 * @param timeLimits          type (or DEFAULT) → urgency → step (the state waiting for its next action) → limit
 *                            ({@code PT2H} or {@code 3WD})
 * @param superviseWhenOverdue whether a red flag raises supervision (督办) automatically
 */
@ConfigurationProperties("tanchang.cases")
record CaseProperties(Map<String, Map<String, Map<String, String>>> timeLimits, boolean superviseWhenOverdue) {

    CaseProperties {
        timeLimits = timeLimits == null ? Map.of() : timeLimits;
    }
}
