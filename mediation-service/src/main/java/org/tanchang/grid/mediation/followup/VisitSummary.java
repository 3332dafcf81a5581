package org.tanchang.grid.mediation.followup;

import java.time.Instant;
import java.time.LocalDate;

/** What the closing guard of a dispute needs to know of each of its visits. */
public record VisitSummary(String id, FollowUpVisitStatus status, LocalDate dueOn, String partyName,
        Boolean satisfied, Boolean hazardRemains, LocalDate visitedOn, Instant completedAt) {

    public boolean completed() {
        return status == FollowUpVisitStatus.COMPLETED;
    }
}
