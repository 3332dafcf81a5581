package org.tanchang.grid.contracts.patrol;

import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A grid member's patrol report was accepted by grid-service. Carries what its consumers need (event-carried state):
 * the must-visit points reached (ids) and the share of planned routes covered (0..1, null without a plan). */
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
        List<PatrolFinding> findings,
        List<String> checkpointsReached,
        Double routeCoverage) {

    /** A report without patrol-design results (schema v1 as first published). */
    public PatrolReportSubmitted(String reportId, String gridCode, String gridName, String townshipCode,
            String memberId, String memberName, OffsetDateTime startedAt, OffsetDateTime endedAt,
            ResponsibleOfficer responsibleOfficer, List<PatrolFinding> findings) {
        this(reportId, gridCode, gridName, townshipCode, memberId, memberName, startedAt, endedAt, responsibleOfficer,
                findings, List.of(), null);
    }

    public static final EventType<PatrolReportSubmitted> TYPE =
            new EventType<>("PatrolReportSubmitted", Topics.PATROL_REPORTS, 1, PatrolReportSubmitted.class);
}
