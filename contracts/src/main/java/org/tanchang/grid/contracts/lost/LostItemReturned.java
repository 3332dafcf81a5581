package org.tanchang.grid.contracts.lost;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A lost item was handed over to its verified owner (or their authorised proxy) with a signed record. Keyed by lost report id. */
public record LostItemReturned(
        String lostReportId,
        String foundItemId,
        String ownerId,
        String handoverId,
        String gridCode,
        OffsetDateTime returnedAt) {

    public static final EventType<LostItemReturned> TYPE =
            new EventType<>("LostItemReturned", Topics.LOST_ITEMS, 1, LostItemReturned.class);
}
