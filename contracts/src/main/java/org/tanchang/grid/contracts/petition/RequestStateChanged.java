package org.tanchang.grid.contracts.petition;

import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A request moved along its lifecycle (prechecked, incomplete with every missing material, accepted, in process, completed, refused, closed, rated). Keyed by request id. */
public record RequestStateChanged(
        String requestId,
        String number,
        String itemCode,
        String citizenId,
        String stationCode,
        String fromState,
        String toState,
        String actorId,
        OffsetDateTime at,
        String reason,
        List<String> missingMaterials) {

    public static final EventType<RequestStateChanged> TYPE =
            new EventType<>("RequestStateChanged", Topics.REQUESTS, 1, RequestStateChanged.class);
}
