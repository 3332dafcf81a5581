package org.tanchang.grid.mediation.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.petition.RequestReferred;
import org.tanchang.grid.mediation.dispute.Disputes;
import org.tanchang.grid.platform.consume.EventReader;

/**
 * A one-window request that is really a dispute (target MEDIATION) opens a dispute with the request as its source
 * reference; requests referred elsewhere (CASE) are case-service's. The dispute id is derived from the request, so a
 * redelivery opens nothing more.
 */
@Component
class RequestReferralIntake {

    static final String MEDIATION = "MEDIATION";

    private final EventReader reader;
    private final Disputes disputes;

    RequestReferralIntake(EventReader reader, Disputes disputes) {
        this.reader = reader;
        this.disputes = disputes;
    }

    @KafkaListener(topics = Topics.REQUESTS)
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, RequestReferred.TYPE)
                .filter(event -> MEDIATION.equals(event.data().target()))
                .ifPresent(event -> disputes.openFromRequest(event.data()));
    }
}
