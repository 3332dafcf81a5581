package org.tanchang.grid.cases.incident;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.mediation.DisputeReferred;
import org.tanchang.grid.contracts.petition.RequestReferred;
import org.tanchang.grid.platform.consume.EventReader;

/**
 * Opens an incident for a one-window request that reports a crime and for a mediation that failed and was referred
 * to the police (target CASE; other targets belong to other services). The incident id is derived from the request
 * or dispute id, which is also its sourceReference, so a redelivery, even under a new event id, opens nothing twice.
 */
@Component
class ReferralsListener {

    static final String TARGET = "CASE";
    private static final Logger log = LoggerFactory.getLogger(ReferralsListener.class);

    private final EventReader reader;
    private final Incidents incidents;
    private final GridPlacement placement;

    ReferralsListener(EventReader reader, Incidents incidents, GridPlacement placement) {
        this.reader = reader;
        this.incidents = incidents;
        this.placement = placement;
    }

    @KafkaListener(topics = Topics.REQUESTS)
    void onRequest(ConsumerRecord<String, String> record) {
        reader.read(record, RequestReferred.TYPE).map(e -> e.data()).filter(r -> TARGET.equals(r.target()))
                .ifPresent(this::open);
    }

    @KafkaListener(topics = Topics.DISPUTES)
    void onDispute(ConsumerRecord<String, String> record) {
        reader.read(record, DisputeReferred.TYPE).map(e -> e.data()).filter(d -> TARGET.equals(d.target()))
                .ifPresent(this::open);
    }

    private void open(RequestReferred request) {
        var where = placement.place(request.gridCode(), request.location(), null);
        opened(incidents.openOnce("request-" + request.requestId(), new Incident.Report(
                IncidentSource.REQUEST_REFERRAL, request.requestId(), where, request.description(),
                request.location(), request.referredAt() == null ? null : request.referredAt().toInstant(),
                "petition-service", "Referred from one-window request " + request.number(), null,
                IncidentType.OTHER, null, Urgency.NORMAL, request.citizenId())));
    }

    private void open(DisputeReferred dispute) {
        var where = placement.place(dispute.gridCode(), null, null);
        opened(incidents.openOnce("dispute-" + dispute.disputeId(), new Incident.Report(
                IncidentSource.MEDIATION_REFERRAL, dispute.disputeId(), where, dispute.description(), null,
                dispute.at() == null ? null : dispute.at().toInstant(), "mediation-service",
                "Referred after mediation failed: " + dispute.reason(), null, IncidentType.OTHER, null,
                Urgency.NORMAL, null)));
    }

    private static void opened(Incidents.Opened opened) {
        if (opened.created()) {
            log.info("Opened incident {} ({}) from referral {}", opened.incident().id, opened.incident().caseNumber,
                    opened.incident().sourceReference);
        }
    }
}
