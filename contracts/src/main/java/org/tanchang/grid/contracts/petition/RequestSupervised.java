package org.tanchang.grid.contracts.petition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A supervisor pressed for progress on a one-window request (督办), with the reason and optionally the day by which
 * it is expected; notification-service tells the handler and the supervisors of the station's area. Keyed by
 * request id.
 */
public record RequestSupervised(
        String requestId,
        String number,
        String itemCode,
        String stationCode,
        String state,
        String handlerId,
        String supervisorId,
        String supervisorName,
        String reason,
        LocalDate deadline,
        OffsetDateTime at) {

    public static final EventType<RequestSupervised> TYPE =
            new EventType<>("RequestSupervised", Topics.REQUESTS, 1, RequestSupervised.class);
}
