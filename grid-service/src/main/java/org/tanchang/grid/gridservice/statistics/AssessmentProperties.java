package org.tanchang.grid.gridservice.statistics;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The weights of the per-member assessment (管理考核): score = Σ weight × counter over the period. Counters without
 * a weight do not count. Set by the county in configuration, so a change of policy is not a change of code.
 */
@ConfigurationProperties("tanchang.grid.assessment")
record AssessmentProperties(Map<String, Double> weights) {

    AssessmentProperties {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }
}
