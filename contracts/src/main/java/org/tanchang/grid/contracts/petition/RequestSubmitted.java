package org.tanchang.grid.contracts.petition;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A citizen's request reached the one window (window, app, hotline or another system). Keyed by request id. {@code citizenId} is the user name of a signed-in citizen, else null. */
public record RequestSubmitted(
        String requestId,
        String number,
        String itemCode,
        String itemName,
        String channel,
        String citizenId,
        String gridCode,
        String stationCode,
        OffsetDateTime submittedAt,
        OffsetDateTime promisedBy) {

    public static final EventType<RequestSubmitted> TYPE =
            new EventType<>("RequestSubmitted", Topics.REQUESTS, 1, RequestSubmitted.class);
}
