package org.tanchang.grid.contracts.incident;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.Topics;

/** case-service opened an incident (from a patrol finding, a 110 call, a walk-in or a referral). */
public record IncidentOpened(
        String incidentId,
        String caseNumber,
        String gridCode,
        String source,
        String sourceReference,
        String description,
        GeoPoint location,
        OffsetDateTime reportedAt) {

    public static final EventType<IncidentOpened> TYPE =
            new EventType<>("IncidentOpened", Topics.INCIDENTS, 1, IncidentOpened.class);
}
