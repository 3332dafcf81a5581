package org.tanchang.grid.gridservice.care;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.gridservice.household.CareTag;
import org.tanchang.grid.platform.time.Times;

/** A care plan as the API shows it. */
record CarePlanView(String id, String gridCode, String householdId, Set<CareTag> careTags,
        @Schema(description = "User name of the paired member or officer") String memberId,
        int frequencyDays, boolean frequencyOverridden, CarePlan.State state,
        @Schema(description = "The county-time day the next visit is due; null once ended") LocalDate nextDueOn,
        @Schema(description = "YELLOW once 70 % of the period has passed without a visit") DeadlineFlag flag,
        @Schema(description = "The first missed due day not yet followed by a visit") LocalDate overdueSince,
        int missedVisits, long visits, OffsetDateTime lastVisitAt, String createdBy, OffsetDateTime createdAt,
        String endedBy, OffsetDateTime endedAt, String endReason) {

    static CarePlanView of(CarePlan p, long visits) {
        return new CarePlanView(p.id, p.gridCode, p.householdId, p.careTags, p.memberId, p.frequencyDays,
                p.frequencyOverridden, p.state,
                p.deadline == null ? null : CareDueDates.dayOf(p.deadline.dueAt(), Times.zone()),
                p.deadline == null ? null : p.deadline.raised(),
                p.overdueSince == null ? null : CareDueDates.dayOf(p.overdueSince, Times.zone()),
                p.missedVisits, visits, time(p.lastVisitAt), p.createdBy, time(p.createdAt), p.endedBy,
                time(p.endedAt), p.endReason);
    }

    private static OffsetDateTime time(java.time.Instant at) {
        return at == null ? null : Times.local(at);
    }
}
