package org.tanchang.grid.contracts.care;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A care plan (结对关爱: a member paired with a household needing care) was created, changed or ended. Keyed by plan
 * id. Carries no resident's name, ID number or address: the household is named by its id and its care tags only.
 *
 * @param change        CREATED, CHANGED or ENDED
 * @param careTags      the household's care tags when the plan was written (ELDERLY_LIVING_ALONE, ...)
 * @param memberId      user name of the paired member or officer
 * @param frequencyDays a visit is due this many days after the last one
 * @param nextDueOn     the county-time day the next visit is due (null once ended)
 * @param actorId       user name of whoever wrote the plan
 */
public record CarePlanChanged(
        String planId,
        String change,
        String householdId,
        String gridCode,
        List<String> careTags,
        String memberId,
        int frequencyDays,
        LocalDate nextDueOn,
        OffsetDateTime at,
        String actorId) {

    public static final EventType<CarePlanChanged> TYPE =
            new EventType<>("CarePlanChanged", Topics.CARE, 1, CarePlanChanged.class);
}
