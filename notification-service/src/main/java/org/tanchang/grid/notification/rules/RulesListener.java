package org.tanchang.grid.notification.rules;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.consume.EventReader;

/**
 * Every topic whose events the rules name. Events of other types on these topics (e.g. IncidentOpened) are read
 * past. Idempotent through the deliveries' ids: a redelivered event plans nothing new.
 */
@Component
class RulesListener {

    private final EventReader reader;
    private final Notifier notifier;

    RulesListener(EventReader reader, Notifier notifier) {
        this.reader = reader;
        this.notifier = notifier;
    }

    @KafkaListener(topics = {Topics.PATROL_REPORTS, Topics.PATROL_PLANS, Topics.INCIDENTS, Topics.LOST_ITEMS,
            Topics.DISPUTES, Topics.FOLLOW_UP_VISITS, Topics.REQUESTS, Topics.RISK_WARNINGS, Topics.CARE,
            Topics.REFERRALS, Topics.HAZARDS})
    void on(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        // no type at all: let the platform's reader refuse it (malformed → dead-letter topic)
        String name = type == null ? KnownEvents.ALL.get(0).type()
                : new String(type.value(), StandardCharsets.UTF_8);
        KnownEvents.named(name)
                .flatMap(eventType -> reader.read(record, eventType))
                .ifPresent(notifier::handle);
    }
}
