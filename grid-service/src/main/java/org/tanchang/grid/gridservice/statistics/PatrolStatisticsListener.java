package org.tanchang.grid.gridservice.statistics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.platform.web.Times;
import org.tanchang.grid.platform.consume.EventReader;
import org.tanchang.grid.platform.consume.IdempotentWrites;

/**
 * Counts patrol reports and findings per grid and day from the events, not from the reports collection, so the
 * statistics can be rebuilt by replaying the topic and, later, fed by every service's events the same way.
 */
@Component
class PatrolStatisticsListener {

    private final EventReader reader;
    private final IdempotentWrites writes;

    PatrolStatisticsListener(EventReader reader, IdempotentWrites writes) {
        this.reader = reader;
        this.writes = writes;
    }

    /**
     * The group is a setting so statistics can be rebuilt next to the running ones (a new group with a new database
     * reads the topic from the start), and two instances of the service in one test JVM count independently.
     */
    @KafkaListener(topics = Topics.PATROL_REPORTS,
            groupId = "${tanchang.grid.statistics-consumer-group:grid-service-statistics}")
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, PatrolReportSubmitted.TYPE).ifPresent(event -> {
            PatrolReportSubmitted report = event.data();
            String day = Times.countyDate(report.endedAt()).toString();
            Update effect = new Update()
                    .setOnInsert("gridCode", report.gridCode())
                    .setOnInsert("townshipCode", report.townshipCode())
                    .setOnInsert("day", day)
                    .inc("patrolReports", 1);
            for (PatrolFinding finding : report.findings()) {
                effect.inc("findings." + finding.kind().name(), 1);
            }
            writes.applyOnce("grid_days", GridDay.idOf(report.gridCode(), day), event.eventId(), effect);
        });
    }
}
