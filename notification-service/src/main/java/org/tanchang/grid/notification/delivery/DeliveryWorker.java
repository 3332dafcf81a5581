package org.tanchang.grid.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Works off due deliveries: claims one at a time (a conditional findAndModify, so two instances never send the same
 * one), defers it for quiet hours or a rate limit, or hands it to its channel and records the outcome.
 */
@Service
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final MongoOperations mongo;
    private final Map<Channel, ChannelSender> senders;
    private final DeliveryPolicies policies;
    private final DeliveryMetrics metrics;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliveryWorker(MongoOperations mongo, List<ChannelSender> senders, DeliveryPolicies policies,
            DeliveryMetrics metrics, DeliveryProperties properties, Clock clock) {
        this.mongo = mongo;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.policies = policies;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    boolean available(Channel channel) {
        ChannelSender sender = senders.get(channel);
        return sender != null && sender.available();
    }

    @Scheduled(fixedDelayString = "${tanchang.notification.delivery.poll-interval}")
    void poll() {
        metrics.observeQueue(mongo, clock.instant());
        for (int i = 0; i < properties.batchSize(); i++) {
            Delivery next = claimNext();
            if (next == null) {
                return;
            }
            attempt(next);
        }
    }

    private Delivery claimNext() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("status").in(DeliveryStatus.PENDING, DeliveryStatus.FAILED)
                .and("nextAttemptAt").lte(now).and("claimedUntil").lte(now))
                .with(Sort.by("nextAttemptAt"));
        return mongo.findAndModify(due, new Update().set("claimedUntil", now.plus(properties.lease())),
                FindAndModifyOptions.options().returnNew(true), Delivery.class);
    }

    /** One attempt of a delivery this thread holds. */
    void attempt(Delivery d) {
        Instant now = clock.instant();
        Optional<DeliveryPolicies.Deferral> deferral = policies.deferral(d, now);
        if (deferral.isPresent()) {
            update(d, new Update().set("nextAttemptAt", deferral.get().until())
                    .set("deferredFor", deferral.get().reason()));
            metrics.outcome(d.channel, "deferred");
            log.debug("Delivery {} deferred until {} ({})", d.id, deferral.get().until(), deferral.get().reason());
            return;
        }
        ChannelSender sender = senders.get(d.channel);
        try {
            if (sender == null || !sender.available()) {
                throw new IllegalStateException("No " + d.channel + " channel is configured here");
            }
            sender.send(d.outgoing());
            Instant sent = clock.instant();
            update(d, new Update().set("status", DeliveryStatus.SENT).inc("attempts", 1).set("sentAt", sent)
                    .unset("lastError"));
            metrics.sent(d.channel, d.dueAt, sent, d.attempts);
        } catch (Exception e) {
            failed(d, e);
        }
    }

    /**
     * Delivers a delivery that is not stored yet and sets its outcome on it, for the caller's single insert: SENT, or
     * FAILED with its next attempt for the polling worker.
     */
    void deliverNow(Delivery d) {
        try {
            senders.get(d.channel).send(d.outgoing());
            d.status = DeliveryStatus.SENT;
            d.attempts = 1;
            d.sentAt = clock.instant();
            metrics.sent(d.channel, d.dueAt, d.sentAt, 0);
        } catch (Exception e) {
            d.status = DeliveryStatus.FAILED;
            d.attempts = 1;
            d.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            d.nextAttemptAt = clock.instant().plus(properties.backoffAfter(1));
            metrics.outcome(d.channel, "failed");
        }
    }

    private void failed(Delivery d, Exception e) {
        int attempts = d.attempts + 1;
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        boolean dead = attempts >= properties.maxAttempts();
        Update update = new Update().set("attempts", attempts).set("lastError", error)
                .set("status", dead ? DeliveryStatus.DEAD : DeliveryStatus.FAILED);
        if (!dead) {
            update.set("nextAttemptAt", clock.instant().plus(properties.backoffAfter(attempts)));
        }
        update(d, update);
        metrics.outcome(d.channel, dead ? "dead" : "failed");
        log.warn("Delivery {} attempt {} failed{}: {}", d.id, attempts, dead ? " for the last time" : "", error);
    }

    /** Records the outcome and lets go of the claim in one write. */
    private void update(Delivery d, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(d.id)), update.set("claimedUntil", Instant.EPOCH),
                Delivery.class);
    }
}
