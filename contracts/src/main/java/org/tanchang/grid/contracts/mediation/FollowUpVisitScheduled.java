package org.tanchang.grid.contracts.mediation;

import java.time.LocalDate;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A follow-up visit (回访) was scheduled for a dispute; notification-service reminds the assignee
 * (a grid member's or officer's user name) the day before and on the day. */
public record FollowUpVisitScheduled(
        String visitId,
        String disputeId,
        String gridCode,
        LocalDate dueOn,
        String assigneeId,
        String assigneeName) {

    public static final EventType<FollowUpVisitScheduled> TYPE =
            new EventType<>("FollowUpVisitScheduled", Topics.FOLLOW_UP_VISITS, 1, FollowUpVisitScheduled.class);
}
