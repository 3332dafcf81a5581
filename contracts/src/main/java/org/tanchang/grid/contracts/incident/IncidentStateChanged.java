package org.tanchang.grid.contracts.incident;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** An incident moved along its workflow (registered, dispatched, accepted, ..., closed, evaluated, or back on a return or reopening). Keyed by incident id. {@code reporterId} is the citizen's user name when a signed-in citizen reported it. */
public record IncidentStateChanged(
        String incidentId,
        String caseNumber,
        String gridCode,
        String townshipCode,
        String type,
        String fromState,
        String toState,
        String actorId,
        String actorName,
        OffsetDateTime at,
        String remark,
        String officerId,
        String reporterId) {

    public static final EventType<IncidentStateChanged> TYPE =
            new EventType<>("IncidentStateChanged", Topics.INCIDENTS, 1, IncidentStateChanged.class);
}
