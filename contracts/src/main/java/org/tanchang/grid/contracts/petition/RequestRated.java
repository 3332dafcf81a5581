package org.tanchang.grid.contracts.petition;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** The citizen rated a closed request (1 to 5). Keyed by request id. */
public record RequestRated(
        String requestId,
        String number,
        String itemCode,
        String stationCode,
        String gridCode,
        int score,
        OffsetDateTime ratedAt) {

    public static final EventType<RequestRated> TYPE =
            new EventType<>("RequestRated", Topics.REQUESTS, 1, RequestRated.class);
}
