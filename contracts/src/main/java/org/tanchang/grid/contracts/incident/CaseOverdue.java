package org.tanchang.grid.contracts.incident;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** The time limit of an incident's current step has passed (red flag); supervision (督办) may follow. Keyed by incident id. */
public record CaseOverdue(
        String incidentId,
        String caseNumber,
        String gridCode,
        String state,
        OffsetDateTime dueAt,
        String handlerId,
        String supervisorAreaCode) {

    public static final EventType<CaseOverdue> TYPE =
            new EventType<>("CaseOverdue", Topics.INCIDENTS, 1, CaseOverdue.class);
}
