package org.tanchang.grid.contracts.grid;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * An early-warning rule (预警研判) fired: for example three disputes of one type in one village within seven days, a
 * HIGH-risk sentiment, a hazard re-opened twice, overdue matters rising week on week in a township. The supervisors of
 * {@code areaCode} are told and handle it. Keyed by the warning's id, which is derived from the rule, the group and the
 * window, so the same facts never raise two warnings.
 *
 * @param ruleId   the rule's id (grid-service's {@code tanchang.grid.warnings.rules})
 * @param areaCode the area the warning is about (grid, village or township code, by the rule's area level)
 * @param gridCode the grid of the event that fired the rule (where statistics count the warning)
 * @param groupKey the rule's group (area code and the values of its group-by fields)
 * @param figures  the numbers the rule compared (count, threshold, thisWeek, lastWeek, ...)
 * @param evidence the events behind it
 */
public record RiskWarningRaised(
        String warningId,
        String ruleId,
        String title,
        String level,
        String areaCode,
        String gridCode,
        String groupKey,
        Map<String, Long> figures,
        List<WarningEvidence> evidence,
        OffsetDateTime raisedAt) {

    public static final EventType<RiskWarningRaised> TYPE =
            new EventType<>("RiskWarningRaised", Topics.RISK_WARNINGS, 1, RiskWarningRaised.class);
}
