package org.tanchang.grid.mediation;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tanchang.grid.mediation.dispute.MediationLevel;
import org.tanchang.grid.mediation.dispute.RiskLevel;
import org.tanchang.grid.platform.workflow.TimeLimit;

/**
 * The time rules of mediation, set in application.yml (not in code) so the county can change them without a build.
 *
 * @param firstVisitAfter     first follow-up visit (回访) of a dispute found on patrol, after the county day the patrol
 *                            ended
 * @param visitAfterAgreement follow-up visit after the agreement was signed
 * @param revisitAfter        another visit after one that found a party dissatisfied or the hazard remaining
 * @param timeLimits          time limits of the steps, as {@link TimeLimit} text (3WD, P30D as PT720H)
 * @param escalation          when a dispute goes up a level
 */
@ConfigurationProperties("tanchang.mediation")
public record MediationProperties(Period firstVisitAfter, Period visitAfterAgreement, Period revisitAfter,
        TimeLimits timeLimits, Escalation escalation) {

    public MediationProperties {
        requirePositive(firstVisitAfter, "first-visit-after");
        requirePositive(visitAfterAgreement, "visit-after-agreement");
        requirePositive(revisitAfter, "revisit-after");
        Objects.requireNonNull(timeLimits, "tanchang.mediation.time-limits must be set");
        Objects.requireNonNull(escalation, "tanchang.mediation.escalation must be set");
    }

    private static void requirePositive(Period period, String key) {
        Objects.requireNonNull(period, "tanchang.mediation." + key + " must be set");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("tanchang.mediation." + key + " must be positive");
        }
    }

    /**
     * @param acceptance           from application to acceptance or refusal
     * @param mediation            from the start of mediation to an agreement or termination ("about one month")
     * @param maxExtension         how much the parties may add to the mediation limit in total, by agreement
     * @param confirmationWindow   the joint application for judicial confirmation is due within this of the
     *                             agreement taking effect (人民调解法 art. 33: 30 days)
     */
    public record TimeLimits(String acceptance, String mediation, Duration maxExtension,
            Period confirmationWindow) {

        public TimeLimits {
            TimeLimit.parse(Objects.requireNonNull(acceptance, "tanchang.mediation.time-limits.acceptance must be set"));
            TimeLimit.parse(Objects.requireNonNull(mediation, "tanchang.mediation.time-limits.mediation must be set"));
            Objects.requireNonNull(maxExtension, "tanchang.mediation.time-limits.max-extension must be set");
            Objects.requireNonNull(confirmationWindow, "tanchang.mediation.time-limits.confirmation-window must be set");
        }

        /** Parsed when used, so the text stays what the YAML says (shown in views as the rule applied). */
        public TimeLimit acceptanceLimit() {
            return TimeLimit.parse(acceptance);
        }

        public TimeLimit mediationLimit() {
            return TimeLimit.parse(mediation);
        }
    }

    /**
     * @param immediateRisk at this risk (or above) a dispute goes to the township as soon as it is known
     * @param after         how long a dispute may stay unresolved at a level before it goes up one
     */
    public record Escalation(RiskLevel immediateRisk, Map<MediationLevel, Duration> after) {

        public Escalation {
            Objects.requireNonNull(immediateRisk, "tanchang.mediation.escalation.immediate-risk must be set");
            after = after == null ? Map.of() : Map.copyOf(after);
        }
    }
}
