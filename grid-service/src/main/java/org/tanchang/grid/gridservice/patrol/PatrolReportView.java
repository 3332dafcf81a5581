package org.tanchang.grid.gridservice.patrol;

import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.platform.web.Times;

/** A patrol report as the API shows it. */
record PatrolReportView(
        String id, String gridCode, String townshipCode, String memberId, String memberName,
        OffsetDateTime startedAt, OffsetDateTime endedAt, OffsetDateTime submittedAt,
        List<PatrolReport.Finding> findings) {

    static PatrolReportView of(PatrolReport r) {
        return new PatrolReportView(r.id, r.gridCode, r.townshipCode, r.memberId, r.memberName, Times.local(r.startedAt),
                Times.local(r.endedAt), Times.local(r.submittedAt), List.copyOf(r.findings));
    }
}
