package org.tanchang.grid.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Deliveries on Prometheus: {@code tanchang_notification_deliveries_total{channel,outcome}} (sent, failed, dead,
 * deferred), {@code tanchang_notification_retries_total{channel}} (attempts after the first),
 * {@code tanchang_notification_queue_age_seconds{channel}} (due → sent) and the age and size of what is due now.
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;
    private final AtomicLong oldestDueMillis = new AtomicLong();
    private final AtomicLong due = new AtomicLong();

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("tanchang.notification.queue.oldest", oldestDueMillis, v -> v.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest delivery that is due and not yet sent")
                .register(registry);
        Gauge.builder("tanchang.notification.queue.due", due, AtomicLong::get)
                .description("Deliveries due now and not yet sent").register(registry);
    }

    void outcome(Channel channel, String outcome) {
        Counter.builder("tanchang.notification.deliveries").tag("channel", channel.name()).tag("outcome", outcome)
                .description("Delivery attempts by channel and outcome").register(registry).increment();
    }

    void sent(Channel channel, Instant dueAt, Instant sentAt, int previousAttempts) {
        outcome(channel, "sent");
        Timer.builder("tanchang.notification.queue.age").tag("channel", channel.name())
                .description("From due to handed over").publishPercentileHistogram().register(registry)
                .record(Duration.between(dueAt, sentAt).isNegative() ? Duration.ZERO : Duration.between(dueAt, sentAt));
        if (previousAttempts > 0) {
            Counter.builder("tanchang.notification.retries").tag("channel", channel.name())
                    .description("Deliveries that needed more than one attempt, counted by their extra attempts")
                    .register(registry).increment(previousAttempts);
        }
    }

    void observeQueue(MongoOperations mongo, Instant now) {
        Query dueNow = Query.query(Criteria.where("status").in(DeliveryStatus.PENDING, DeliveryStatus.FAILED)
                .and("nextAttemptAt").lte(now));
        due.set(mongo.count(dueNow, Delivery.class));
        Delivery oldest = mongo.findOne(dueNow.with(Sort.by("nextAttemptAt")).limit(1), Delivery.class);
        oldestDueMillis.set(oldest == null ? 0 : Duration.between(oldest.dueAt, now).toMillis());
    }
}
