package org.tanchang.grid.contracts.petition;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A request that is really a dispute (target MEDIATION) or reports a crime (target CASE) was referred; the receiving service opens its own matter with {@code sourceReference} = request id, and the citizen follows it from the request. Keyed by request id. */
public record RequestReferred(
        String requestId,
        String number,
        String target,
        String gridCode,
        String description,
        GeoPoint location,
        String citizenId,
        OffsetDateTime referredAt) {

    public static final EventType<RequestReferred> TYPE =
            new EventType<>("RequestReferred", Topics.REQUESTS, 1, RequestReferred.class);
}
