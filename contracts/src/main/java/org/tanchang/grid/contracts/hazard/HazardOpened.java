package org.tanchang.grid.contracts.hazard;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * case-service opened a safety hazard (安全隐患) to be removed: from a HAZARD finding of a patrol report or recorded
 * directly. Carries codes and ids only, never the description or the responsible party. Keyed by hazard id.
 *
 * @param level        who answers for it now: GRID, TOWNSHIP or COUNTY
 * @param officerId    the responsible police officer (责任区民警), if known
 * @param memberId     the grid member who follows it up on the ground, if known
 * @param originatedAt when the hazard was found (the end of the patrol for a finding); statistics count it on this
 *                     day
 */
public record HazardOpened(
        String hazardId,
        String gridCode,
        String kind,
        String riskLevel,
        String level,
        String source,
        String sourceReference,
        String officerId,
        String memberId,
        OffsetDateTime openedAt,
        OffsetDateTime originatedAt) {

    public static final EventType<HazardOpened> TYPE =
            new EventType<>("HazardOpened", Topics.HAZARDS, 1, HazardOpened.class);
}
