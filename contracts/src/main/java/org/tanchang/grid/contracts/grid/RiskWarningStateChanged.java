package org.tanchang.grid.contracts.grid;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A risk warning moved on: acknowledged, handled (what was done stays in grid-service), closed. Keyed by warning id.
 *
 * @param action  the step taken (acknowledge, handle, close)
 * @param actorId user name of whoever took it
 */
public record RiskWarningStateChanged(
        String warningId,
        String ruleId,
        String areaCode,
        String gridCode,
        String fromState,
        String toState,
        String action,
        String actorId,
        OffsetDateTime at) {

    public static final EventType<RiskWarningStateChanged> TYPE =
            new EventType<>("RiskWarningStateChanged", Topics.RISK_WARNINGS, 1, RiskWarningStateChanged.class);
}
