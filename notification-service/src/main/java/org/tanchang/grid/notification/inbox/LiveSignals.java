package org.tanchang.grid.notification.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live inbox messages across instances. Events are consumed by one instance of the group, but a recipient's stream
 * may be open on any instance behind the gateway: the recording instance pushes to its own streams and signals the
 * others over a topic every instance reads in a group of its own ({@link LiveSignalConfiguration}).
 *
 * <p>A plain send ({@link LiveSignalSender}), not the outbox: the signal is a best-effort nudge, not an event contract. The inbox
 * in MongoDB is the record, and a client whose signal is lost finds the message on its next reconnect with
 * {@code since}; storing each signal to relay it later would only deliver it when it no longer matters.
 *
 * <p>Metrics: {@code tanchang_notification_stream_signals_total{outcome}} with sent, failed (not sent), received
 * (pushed here), own (this instance's own, already pushed) and unreadable.
 */
@Component
class LiveSignals {

    private static final Logger log = LoggerFactory.getLogger(LiveSignals.class);

    private final InboxStream stream;
    private final LiveSignalSender kafka;
    private final JsonMapper json;
    private final String topic;
    private final String origin;
    private final MeterRegistry meters;
    private final AtomicInteger partitions = new AtomicInteger();

    LiveSignals(InboxStream stream, LiveSignalSender kafka, JsonMapper json,
            @Value("${tanchang.notification.stream.topic}") String topic,
            @Value("${spring.application.name}-${random.uuid}") String origin, MeterRegistry meters) {
        this.stream = stream;
        this.kafka = kafka;
        // keep the +08:00 of the view's times as the stream shows them; tolerate fields added by a newer instance
        // during a rolling upgrade
        this.json = json.rebuild().disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.topic = topic;
        this.origin = origin;
        this.meters = meters;
        Gauge.builder("tanchang.notification.stream.signal.partitions", partitions, AtomicInteger::get)
                .description("Partitions of the live-signal topic this instance listens to (0: not listening yet)")
                .register(meters);
    }

    /** This instance's id in signals; also its consumer group, so every instance receives every signal. */
    String origin() {
        return origin;
    }

    /** Pushes a newly recorded message to this instance's streams at once and signals the other instances. */
    void deliver(String recipientId, NotificationView view) {
        stream.push(recipientId, view);
        try {
            kafka.send(topic, recipientId, json.writeValueAsString(new LiveSignal(recipientId, view, origin)))
                    .whenComplete((result, failure) -> {
                        if (failure == null) {
                            count("sent");
                        } else {
                            failed(failure);
                        }
                    });
        } catch (RuntimeException failure) {
            // the message is stored already: a broker that is down must not fail (and retry) its delivery
            failed(failure);
        }
    }

    /** A signal read from the topic: pushed here unless this instance sent it (its streams have it already). */
    void receive(String payload) {
        LiveSignal signal;
        try {
            signal = json.readValue(payload, LiveSignal.class);
        } catch (JacksonException unreadable) {
            count("unreadable");
            log.warn("Unreadable live signal skipped: {}", unreadable.getOriginalMessage());
            return;
        }
        if (origin.equals(signal.origin())) {
            count("own");
            return;
        }
        count("received");
        stream.push(signal.recipientId(), signal.view());
    }

    void listening(int assignedPartitions) {
        partitions.set(assignedPartitions);
    }

    private void failed(Throwable failure) {
        count("failed");
        log.warn("Live signal not sent (streams on other instances catch up on reconnect): {}", failure.toString());
    }

    private void count(String outcome) {
        Counter.builder("tanchang.notification.stream.signals").tag("outcome", outcome)
                .description("Live inbox signals between instances by outcome").register(meters).increment();
    }
}
