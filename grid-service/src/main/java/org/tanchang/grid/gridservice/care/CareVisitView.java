package org.tanchang.grid.gridservice.care;

import java.time.OffsetDateTime;
import org.tanchang.grid.platform.time.Times;

/** A visit as the API shows it (texts already scrubbed of ID and mobile numbers when recorded). */
record CareVisitView(String id, String planId, String householdId, String gridCode, String memberId, String source,
        OffsetDateTime visitedAt, String found, String done, boolean followUpNeeded, boolean onTime) {

    static CareVisitView of(CareVisit v) {
        return new CareVisitView(v.id(), v.planId(), v.householdId(), v.gridCode(), v.memberId(), v.source(),
                Times.local(v.visitedAt()), v.found(), v.done(), v.followUpNeeded(), v.onTime());
    }
}
