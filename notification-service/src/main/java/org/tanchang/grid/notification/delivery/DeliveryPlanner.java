package org.tanchang.grid.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tanchang.grid.platform.consume.IdempotentWrites;

/** Records deliveries once each and, for an inbox message that is due, delivers it at once (the live stream). */
@Service
public class DeliveryPlanner {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPlanner.class);

    private final IdempotentWrites writes;
    private final DeliveryWorker worker;
    private final Clock clock;

    DeliveryPlanner(IdempotentWrites writes, DeliveryWorker worker, Clock clock) {
        this.writes = writes;
        this.worker = worker;
        this.clock = clock;
    }

    /** Whether the channel is configured here; a message is planned only on channels that can send it. */
    public boolean available(Channel channel) {
        return worker.available(channel);
    }

    /** Returns false when this (event, recipient, channel) was already planned: a redelivered event. */
    public boolean plan(NewDelivery nd) {
        Instant now = clock.instant();
        boolean immediate = nd.channel() == Channel.INBOX && !nd.dueAt().isAfter(now);
        Delivery d = new Delivery();
        d.id = nd.id();
        d.sourceEventId = nd.sourceEventId();
        d.sourceEventType = nd.sourceEventType();
        d.ruleId = nd.ruleId();
        d.kind = nd.kind();
        d.recipientId = nd.recipientId();
        d.recipientName = nd.recipientName();
        d.channel = nd.channel();
        d.target = nd.target();
        d.language = nd.language();
        d.title = nd.title();
        d.body = nd.body();
        d.subjectType = nd.subjectType();
        d.subjectId = nd.subjectId();
        d.gridCode = nd.gridCode();
        d.status = DeliveryStatus.PENDING;
        d.createdAt = now;
        d.dueAt = nd.dueAt();
        d.nextAttemptAt = nd.dueAt();
        d.quietFrom = nd.quietFrom() == null ? null : nd.quietFrom().toString();
        d.quietTo = nd.quietTo() == null ? null : nd.quietTo().toString();
        d.claimedUntil = Instant.EPOCH;
        if (immediate) {
            // the live path: the inbox write is idempotent by the same id, so deliver first and record the outcome
            // in the one insert (a redelivered event finds both recorded and pushes nothing twice)
            worker.deliverNow(d);
        }
        if (!writes.insertOnce(d)) {
            log.debug("Delivery {} was already planned", d.id);
            return false;
        }
        return true;
    }
}
