package org.tanchang.grid.platform.workflow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the deadline sweep runs ({@code tanchang.deadlines.*}); a flag is raised at most one interval late.
 *
 * @param sweepBatch how many due aggregates one query reads
 */
@ConfigurationProperties("tanchang.deadlines")
public record WorkflowProperties(@DefaultValue("PT1M") Duration sweepInterval,
        @DefaultValue("PT30S") Duration sweepInitialDelay, @DefaultValue("500") int sweepBatch) {
}
