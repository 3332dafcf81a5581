package org.tanchang.grid.contracts.petition;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A request passed 70% (YELLOW) or 100% (RED) of its promise for the first response (FIRST_RESPONSE) or for completion (COMPLETION). Keyed by request id. */
public record RequestDeadlineBreached(
        String requestId,
        String number,
        String itemCode,
        String stationCode,
        String measure,
        DeadlineFlag flag,
        OffsetDateTime dueAt,
        String handlerId) {

    public static final EventType<RequestDeadlineBreached> TYPE =
            new EventType<>("RequestDeadlineBreached", Topics.REQUESTS, 1, RequestDeadlineBreached.class);
}
