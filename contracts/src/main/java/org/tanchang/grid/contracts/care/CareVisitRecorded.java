package org.tanchang.grid.contracts.care;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A care visit was recorded, directly or from a CARE finding of a patrol report. Keyed by plan id, or by the visit id
 * when the visit belongs to no plan (a CARE finding that named no paired household is recorded against its grid).
 * What was found and done stays in grid-service (free text about a person); the event says only that it happened.
 *
 * @param planId         null for a visit recorded against the grid only
 * @param householdId    null for a visit recorded against the grid only
 * @param memberId       user name of whoever visited (credited with the visit)
 * @param source         DIRECT or PATROL_FINDING
 * @param onTime         the visit was made by the plan's due time (false for visits of no plan)
 * @param nextDueOn      the plan's next due day after this visit (null without a plan)
 */
public record CareVisitRecorded(
        String visitId,
        String planId,
        String householdId,
        String gridCode,
        List<String> careTags,
        String memberId,
        String source,
        OffsetDateTime visitedAt,
        boolean onTime,
        boolean followUpNeeded,
        LocalDate nextDueOn) {

    public static final EventType<CareVisitRecorded> TYPE =
            new EventType<>("CareVisitRecorded", Topics.CARE, 1, CareVisitRecorded.class);
}
