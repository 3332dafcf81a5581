package org.tanchang.grid.contracts.mediation;

import java.time.LocalDate;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A follow-up visit (回访) was made: who visited whom, satisfaction and whether the hazard remains. Keyed by visit id. */
public record FollowUpVisitCompleted(
        String visitId,
        String disputeId,
        String gridCode,
        String visitorId,
        String partyName,
        boolean satisfied,
        boolean hazardRemains,
        LocalDate visitedOn) {

    public static final EventType<FollowUpVisitCompleted> TYPE =
            new EventType<>("FollowUpVisitCompleted", Topics.FOLLOW_UP_VISITS, 1, FollowUpVisitCompleted.class);
}
