package org.tanchang.grid.contracts.lost;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A found item was matched to a lost report (score 0..1); the owner is told to come with proof of identity. No personal data. Keyed by lost report id. */
public record LostItemMatched(
        String lostReportId,
        String foundItemId,
        String ownerId,
        String category,
        double score,
        String custodyLocation,
        String gridCode,
        OffsetDateTime matchedAt) {

    public static final EventType<LostItemMatched> TYPE =
            new EventType<>("LostItemMatched", Topics.LOST_ITEMS, 1, LostItemMatched.class);
}
