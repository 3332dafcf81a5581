package org.tanchang.grid.contracts.lost;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.files.AttachedFile;

/**
 * A picture was attached to a lost report ({@code matterType} {@code lost-report}) or a found item
 * ({@code found-item}). No personal data: the file by id. Keyed by the matter's id ({@code matterId}).
 */
public record LostItemFileAttached(
        String matterType,
        String matterId,
        String gridCode,
        AttachedFile file,
        OffsetDateTime attachedAt) {

    public static final EventType<LostItemFileAttached> TYPE =
            new EventType<>("LostItemFileAttached", Topics.LOST_ITEMS, 1, LostItemFileAttached.class);
}
