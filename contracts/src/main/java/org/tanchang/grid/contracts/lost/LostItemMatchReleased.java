package org.tanchang.grid.contracts.lost;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A confirmed match proved wrong at the counter and was released: the owner told by {@link LostItemMatched} learns
 * the item was not theirs and that the search goes on. The officer's reason stays in case-service (free text may
 * hold personal details). Keyed by lost report id.
 */
public record LostItemMatchReleased(
        String lostReportId,
        String foundItemId,
        String ownerId,
        String category,
        String gridCode,
        OffsetDateTime releasedAt) {

    public static final EventType<LostItemMatchReleased> TYPE =
            new EventType<>("LostItemMatchReleased", Topics.LOST_ITEMS, 1, LostItemMatchReleased.class);
}
