package org.tanchang.grid.contracts.patrol;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.files.AttachedFile;

/** A photo was attached to a patrol report (a finding's picture). No personal data: the file by id. Keyed by reportId so it stays in order with the matter's other events. */
public record PatrolReportFileAttached(
        String reportId,
        String gridCode,
        AttachedFile file,
        OffsetDateTime attachedAt) {

    public static final EventType<PatrolReportFileAttached> TYPE =
            new EventType<>("PatrolReportFileAttached", Topics.PATROL_REPORTS, 1, PatrolReportFileAttached.class);
}
