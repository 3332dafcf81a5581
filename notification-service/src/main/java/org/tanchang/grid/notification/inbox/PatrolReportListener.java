package org.tanchang.grid.notification.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.platform.consume.EventReader;

/** Shared reporting (信息共享): the responsible officer hears of every patrol report in their grid. */
@Component
class PatrolReportListener {

    private final EventReader reader;
    private final Inbox inbox;

    PatrolReportListener(EventReader reader, Inbox inbox) {
        this.reader = reader;
        this.inbox = inbox;
    }

    @KafkaListener(topics = Topics.PATROL_REPORTS)
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, PatrolReportSubmitted.TYPE).ifPresent(inbox::patrolReportSubmitted);
    }
}
