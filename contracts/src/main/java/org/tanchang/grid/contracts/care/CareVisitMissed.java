package org.tanchang.grid.contracts.care;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A care plan's visit was not made by its due day; announced once per missed due day. The next due day follows on
 * (one period later), so a plan left unvisited is flagged again each period. Keyed by plan id.
 *
 * @param memberId     user name of the paired member, who is told and whose assessment it counts against
 * @param dueOn        the county-time day the visit was due
 * @param missedVisits how many due days of the plan have been missed so far, this one included
 */
public record CareVisitMissed(
        String planId,
        String householdId,
        String gridCode,
        List<String> careTags,
        String memberId,
        LocalDate dueOn,
        OffsetDateTime dueAt,
        int missedVisits) {

    public static final EventType<CareVisitMissed> TYPE =
            new EventType<>("CareVisitMissed", Topics.CARE, 1, CareVisitMissed.class);
}
