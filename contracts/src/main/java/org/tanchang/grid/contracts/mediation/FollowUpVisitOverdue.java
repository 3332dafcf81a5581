package org.tanchang.grid.contracts.mediation;

import java.time.LocalDate;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A follow-up visit was not made by its due day. Keyed by visit id. */
public record FollowUpVisitOverdue(
        String visitId,
        String disputeId,
        String gridCode,
        LocalDate dueOn,
        String assigneeId) {

    public static final EventType<FollowUpVisitOverdue> TYPE =
            new EventType<>("FollowUpVisitOverdue", Topics.FOLLOW_UP_VISITS, 1, FollowUpVisitOverdue.class);
}
