package org.tanchang.grid.contracts.patrol;

import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A grid member's patrol report was accepted by grid-service. Carries what its consumers need (event-carried state). */
public record PatrolReportSubmitted(
        String reportId,
        String gridCode,
        String gridName,
        String townshipCode,
        String memberId,
        String memberName,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        ResponsibleOfficer responsibleOfficer,
        List<PatrolFinding> findings) {

    public static final EventType<PatrolReportSubmitted> TYPE =
            new EventType<>("PatrolReportSubmitted", Topics.PATROL_REPORTS, 1, PatrolReportSubmitted.class);
}
