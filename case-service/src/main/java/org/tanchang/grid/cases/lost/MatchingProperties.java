package org.tanchang.grid.cases.lost;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Weights and thresholds of lost-property matching ({@code tanchang.lost.matching}); the score is the weighted sum of
 * the parts, each 0..1, divided by the sum of the weights.
 */
@ConfigurationProperties("tanchang.lost")
record MatchingProperties(double categoryWeight, double timeWeight, double distanceWeight, double documentWeight,
        double descriptionWeight, Duration timeSlack, double distanceScaleKm, double minimumScore, int maxCandidates,
        Duration noticePeriod) {
}
