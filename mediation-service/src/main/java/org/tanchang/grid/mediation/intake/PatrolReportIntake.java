package org.tanchang.grid.mediation.intake;

import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.mediation.dispute.Disputes;
import org.tanchang.grid.mediation.followup.Assignee;
import org.tanchang.grid.mediation.followup.FollowUpVisits;
import org.tanchang.grid.platform.consume.EventReader;

/**
 * Joint dispute mediation (联合调处): each DISPUTE finding of a patrol report opens a dispute and schedules its
 * first follow-up visit. Other kinds of finding belong to other services and are ignored here.
 */
@Component
class PatrolReportIntake {

    private final EventReader reader;
    private final Disputes disputes;
    private final FollowUpVisits visits;

    PatrolReportIntake(EventReader reader, Disputes disputes, FollowUpVisits visits) {
        this.reader = reader;
        this.disputes = disputes;
        this.visits = visits;
    }

    @KafkaListener(topics = Topics.PATROL_REPORTS)
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, PatrolReportSubmitted.TYPE).ifPresent(event -> take(event.data()));
    }

    private void take(PatrolReportSubmitted report) {
        List<PatrolFinding> findings = report.findings() == null ? List.of() : report.findings();
        LocalDate patrolDay = Times.countyDate(report.endedAt());
        Assignee assignee = report.responsibleOfficer() == null ? null
                : new Assignee(report.responsibleOfficer().id(), report.responsibleOfficer().name());
        for (PatrolFinding finding : findings) {
            if (finding.kind() != FindingKind.DISPUTE) {
                continue;
            }
            // Two documents, two writes, no transaction. Each write is idempotent on an id derived from the report
            // and finding, and the record's offset is committed (ack-mode: record) only after this method returns.
            // A crash between the two writes therefore leaves the offset uncommitted: the redelivery finds the
            // dispute already open (insertOnce is a no-op, no second DisputeOpened) and schedules the missing visit.
            String disputeId = disputes.openFromPatrolFinding(report.reportId(), report.gridCode(), finding,
                    report.endedAt() != null ? report.endedAt() : report.startedAt());
            visits.scheduleFirstVisit(disputeId, report.gridCode(), report.reportId(), patrolDay, assignee);
        }
    }
}
