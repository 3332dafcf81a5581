package org.tanchang.grid.contracts.incident;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** 70% of the time limit of an incident's current step has passed (yellow flag). Keyed by incident id. */
public record CaseDeadlineApproaching(
        String incidentId,
        String caseNumber,
        String gridCode,
        String state,
        OffsetDateTime dueAt,
        String handlerId,
        String supervisorAreaCode) {

    public static final EventType<CaseDeadlineApproaching> TYPE =
            new EventType<>("CaseDeadlineApproaching", Topics.INCIDENTS, 1, CaseDeadlineApproaching.class);
}
