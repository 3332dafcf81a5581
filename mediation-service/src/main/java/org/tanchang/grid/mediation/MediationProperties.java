package org.tanchang.grid.mediation;

import java.time.Period;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time rules of mediation, set in application.yml (not in code) so the county can change them without a build.
 *
 * @param firstVisitAfter how long after the patrol that found a dispute its first follow-up visit (回访) is due,
 *                        counted in county calendar days from the day the patrol ended
 */
@ConfigurationProperties("tanchang.mediation")
public record MediationProperties(Period firstVisitAfter) {

    public MediationProperties {
        Objects.requireNonNull(firstVisitAfter, "tanchang.mediation.first-visit-after must be set");
        if (firstVisitAfter.isNegative() || firstVisitAfter.isZero()) {
            throw new IllegalArgumentException("tanchang.mediation.first-visit-after must be positive");
        }
    }
}
