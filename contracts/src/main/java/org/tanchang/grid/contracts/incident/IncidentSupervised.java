package org.tanchang.grid.contracts.incident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * An incident was put under supervision (督办): by a supervisor, or automatically when its step went red
 * ({@code automatic}, supervisor "system"); notification-service tells the handler, the grid's responsible officer
 * and the supervisors of the township. Keyed by incident id.
 */
public record IncidentSupervised(
        String incidentId,
        String caseNumber,
        String gridCode,
        String state,
        String handlerId,
        String supervisorAreaCode,
        String supervisorId,
        String supervisorName,
        String reason,
        LocalDate deadline,
        boolean automatic,
        OffsetDateTime at) {

    public static final EventType<IncidentSupervised> TYPE =
            new EventType<>("IncidentSupervised", Topics.INCIDENTS, 1, IncidentSupervised.class);
}
