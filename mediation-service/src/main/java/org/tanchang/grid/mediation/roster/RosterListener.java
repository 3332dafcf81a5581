package org.tanchang.grid.mediation.roster;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.grid.RosterAssignmentChanged;
import org.tanchang.grid.platform.consume.EventReader;

/** Keeps the local roster copy; every post is kept (a mediator may later change role under the same assignment). */
@Component
class RosterListener {

    private static final Logger log = LoggerFactory.getLogger(RosterListener.class);

    private final EventReader reader;
    private final MediatorRoster roster;

    RosterListener(EventReader reader, MediatorRoster roster) {
        this.reader = reader;
        this.roster = roster;
    }

    @KafkaListener(topics = Topics.ROSTER)
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, RosterAssignmentChanged.TYPE).ifPresent(event -> {
            RosterAssignmentChanged a = event.data();
            if (roster.apply(a)) {
                log.info("Roster: {} {} for {} (version {})", a.role(), a.personId(), a.areaCode(), a.version());
            }
        });
    }
}
