package org.tanchang.grid.cases.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.platform.consume.EventReader;

/**
 * Opens one incident per INCIDENT finding of a patrol report (the "information collection" linkage). Other kinds of
 * finding belong to other services. The incident id is derived from the report and the finding's index, so a
 * redelivered report, even one re-sent under a new event id, opens nothing twice.
 */
@Component
class PatrolFindingsListener {

    private static final Logger log = LoggerFactory.getLogger(PatrolFindingsListener.class);

    private final EventReader reader;
    private final Incidents incidents;
    private final GridPlacement placement;

    PatrolFindingsListener(EventReader reader, Incidents incidents, GridPlacement placement) {
        this.reader = reader;
        this.incidents = incidents;
        this.placement = placement;
    }

    @KafkaListener(topics = Topics.PATROL_REPORTS)
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, PatrolReportSubmitted.TYPE).ifPresent(event -> openIncidents(event.data()));
    }

    private void openIncidents(PatrolReportSubmitted report) {
        List<PatrolFinding> findings = report.findings() == null ? List.of() : report.findings();
        for (PatrolFinding finding : findings) {
            if (finding.kind() != FindingKind.INCIDENT) {
                continue;
            }
            Incidents.Opened opened = incidents.openOnce(idOf(report.reportId(), finding.index()),
                    new Incident.Report(IncidentSource.PATROL_FINDING, report.reportId(),
                            placement.place(report.gridCode(), finding.location(), report.townshipCode()),
                            finding.description(), finding.location(), reportedAt(report), report.memberId(),
                            "Patrol finding #" + finding.index() + " of report " + report.reportId() + ", reported by "
                                    + report.memberName(), null, IncidentType.OTHER, null, Urgency.NORMAL, null,
                            report.memberName()));
            if (opened.created()) {
                log.info("Opened incident {} ({}) from patrol report {}", opened.incident().id,
                        opened.incident().caseNumber, report.reportId());
            }
        }
    }

    static String idOf(String reportId, int findingIndex) {
        return "patrol-" + reportId + "-" + findingIndex;
    }

    /** The report does not time each finding; it was made by the end of the patrol at the latest. */
    private static Instant reportedAt(PatrolReportSubmitted report) {
        OffsetDateTime at = report.endedAt() != null ? report.endedAt() : report.startedAt();
        return at == null ? null : at.toInstant();
    }
}
