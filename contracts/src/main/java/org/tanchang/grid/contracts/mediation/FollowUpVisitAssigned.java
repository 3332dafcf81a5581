package org.tanchang.grid.contracts.mediation;

import java.time.LocalDate;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A follow-up visit (回访) was given to someone to make (a user name): at once a message to them, whatever the due
 * day; {@code alreadyDue} when the visit was due on or before the day it was assigned. Keyed by visit id.
 */
public record FollowUpVisitAssigned(
        String visitId,
        String disputeId,
        String gridCode,
        LocalDate dueOn,
        String assigneeId,
        String assigneeName,
        String partyName,
        boolean alreadyDue) {

    public static final EventType<FollowUpVisitAssigned> TYPE =
            new EventType<>("FollowUpVisitAssigned", Topics.FOLLOW_UP_VISITS, 1, FollowUpVisitAssigned.class);
}
