package org.tanchang.grid.gridservice.statistics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;

/**
 * Feeds the statistics from the topics of every service, not from grid-service's own collections, so the figures can
 * be rebuilt by replaying the topics.
 */
@Component
class StatisticsListener {

    private final StatisticsProjector projector;

    StatisticsListener(StatisticsProjector projector) {
        this.projector = projector;
    }

    /**
     * The group is a setting so statistics can be rebuilt next to the running ones (a new group with a new database
     * reads the topics from the start), and two instances of the service in one test JVM count independently.
     */
    @KafkaListener(topics = {Topics.PATROL_REPORTS, Topics.PATROL_PLANS, Topics.PUBLICITY, Topics.INCIDENTS,
            Topics.DISPUTES, Topics.FOLLOW_UP_VISITS, Topics.REQUESTS, Topics.SENTIMENTS, Topics.RISK_WARNINGS,
            Topics.CARE, Topics.HAZARDS, Topics.LOST_ITEMS},
            groupId = "${tanchang.grid.statistics-consumer-group:grid-service-statistics}")
    void on(ConsumerRecord<String, String> record) {
        projector.apply(record, StatisticsStore.LIVE);
    }
}
