package org.tanchang.grid.cases.hazard;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tanchang.grid.platform.workflow.TimeLimit;

/**
 * Hazard settings ({@code tanchang.hazards}); limits are {@code PT4H} (clock time) or {@code 5WD} (working days on
 * the county's calendar). Parsed at start-up, so a malformed limit stops the service.
 *
 * @param orderingLimit        from the report to the rectification order
 * @param rectificationLimits  risk level → how long the responsible party has to remove it
 * @param reinspectionLimit    from the request to the re-inspection
 * @param repeatEscalation     re-inspections finding it not removed after which it goes up a level (and each one
 *                             after that again, up to the county)
 * @param escalateWhenOverdue  whether a red flag also escalates the hazard one level (and restarts the step's limit
 *                             at the new level)
 * @param patrolRiskLevel      risk level of a hazard opened from a patrol finding (which says none) until the
 *                             officer's order reclassifies it
 */
@ConfigurationProperties("tanchang.hazards")
record HazardProperties(String orderingLimit, Map<RiskLevel, String> rectificationLimits, String reinspectionLimit,
        int repeatEscalation, boolean escalateWhenOverdue, RiskLevel patrolRiskLevel) {

    HazardProperties {
        TimeLimit.parse(orderingLimit);
        TimeLimit.parse(reinspectionLimit);
        for (RiskLevel level : RiskLevel.values()) {
            if (rectificationLimits == null || rectificationLimits.get(level) == null) {
                throw new IllegalArgumentException("tanchang.hazards.rectification-limits has no " + level);
            }
            TimeLimit.parse(rectificationLimits.get(level));
        }
        if (repeatEscalation < 1) {
            throw new IllegalArgumentException("tanchang.hazards.repeat-escalation must be at least 1");
        }
        patrolRiskLevel = patrolRiskLevel == null ? RiskLevel.MEDIUM : patrolRiskLevel;
    }

    TimeLimit limit(String key, RiskLevel risk) {
        return TimeLimit.parse(switch (key) {
            case HazardWorkflow.ORDERING -> orderingLimit;
            case HazardWorkflow.RECTIFICATION -> rectificationLimits.get(risk);
            case HazardWorkflow.REINSPECTION -> reinspectionLimit;
            default -> throw new IllegalStateException("no hazard time limit is configured as '" + key + "'");
        });
    }
}
