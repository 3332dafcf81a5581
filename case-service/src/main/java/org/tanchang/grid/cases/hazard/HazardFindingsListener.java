package org.tanchang.grid.cases.hazard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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
 * Opens one hazard per HAZARD finding of a patrol report, in the report's grid, with the grid member who found it
 * and the grid's responsible officer; the risk is the configured patrol default until the officer's order
 * reclassifies it. The id is derived from the report and the finding's index (in the hazards collection), so a
 * redelivered report opens nothing twice. Its own consumer group beside the incidents' listener: a failure here
 * never redelivers the report to the incidents, nor the other way round.
 */
@Component
class HazardFindingsListener {

    private static final Logger log = LoggerFactory.getLogger(HazardFindingsListener.class);

    private final EventReader reader;
    private final Hazards hazards;
    private final HazardProperties properties;

    HazardFindingsListener(EventReader reader, Hazards hazards, HazardProperties properties) {
        this.reader = reader;
        this.hazards = hazards;
        this.properties = properties;
    }

    @KafkaListener(topics = Topics.PATROL_REPORTS, groupId = "${spring.application.name}-hazards")
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, PatrolReportSubmitted.TYPE).ifPresent(event -> open(event.data()));
    }

    private void open(PatrolReportSubmitted report) {
        List<PatrolFinding> findings = report.findings() == null ? List.of() : report.findings();
        for (PatrolFinding finding : findings) {
            if (finding.kind() != FindingKind.HAZARD || report.gridCode() == null) {
                continue;
            }
            String id = idOf(report.reportId(), finding.index());
            boolean created = hazards.openOnce(id, new Hazard.Report(HazardSource.PATROL_FINDING, report.reportId(),
                    HazardKind.OTHER, properties.patrolRiskLevel(), report.gridCode(), finding.location(),
                    finding.description(), null,
                    report.responsibleOfficer() == null ? null : report.responsibleOfficer().id(),
                    report.responsibleOfficer() == null ? null : report.responsibleOfficer().name(),
                    report.memberId(), report.memberName(), foundAt(report), report.memberId(),
                    report.memberName()));
            if (created) {
                log.info("Opened hazard {} from patrol report {}", id, report.reportId());
            }
        }
    }

    static String idOf(String reportId, int findingIndex) {
        return "patrol-" + reportId + "-" + findingIndex;
    }

    /** The report does not time each finding; it was made by the end of the patrol at the latest. */
    private static Instant foundAt(PatrolReportSubmitted report) {
        OffsetDateTime at = report.endedAt() != null ? report.endedAt() : report.startedAt();
        return at == null ? null : at.toInstant().truncatedTo(ChronoUnit.MILLIS);
    }
}
