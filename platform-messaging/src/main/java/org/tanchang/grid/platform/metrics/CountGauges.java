package org.tanchang.grid.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.tanchang.grid.platform.schedule.PeriodicTask;

/**
 * Business gauges (open incidents by state, overdue disputes ...) counted by a background task every
 * {@code tanchang.metrics.count-interval}, never on the scrape: a scrape every 15 s by two Prometheus replicas must
 * not turn into a stream of database counts, and a slow count must not make the scrape time out. Each count is
 * expected to be answered from an index (the caller's responsibility; the query sits next to its index).
 *
 * <p>A gauge is registered only after its first successful count, so it is absent while unknown rather than a
 * made-up 0 or a NaN; when the database is away the last value stays and
 * {@code tanchang_metrics_count_age_seconds} shows how old it is.
 */
public class CountGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CountGauges.class);

    private record Count(String name, String description, Tags tags, LongSupplier query, AtomicLong value,
            boolean[] registered) {
    }

    private final MeterRegistry meters;
    private final Duration interval;
    private final List<Count> counts = new CopyOnWriteArrayList<>();
    private final AtomicLong lastRefresh = new AtomicLong();
    private final PeriodicTask task = new PeriodicTask("count-gauges");

    public CountGauges(MeterRegistry meters, Duration interval) {
        this.meters = meters;
        this.interval = interval;
    }

    /** Declares a gauge counted by {@code query}; call during start-up (a bean's constructor). */
    public void register(String name, String description, Tags tags, LongSupplier query) {
        counts.add(new Count(name, description, tags, query, new AtomicLong(), new boolean[1]));
    }

    /** Counts every gauge once, now; returns false if any count failed (its last value stays). */
    public boolean refresh() {
        boolean ok = true;
        for (Count count : counts) {
            try {
                count.value().set(count.query().getAsLong());
                synchronized (count.registered()) {
                    if (!count.registered()[0]) {
                        Gauge.builder(count.name(), count.value(), AtomicLong::get).description(count.description())
                                .tags(count.tags()).strongReference(true).register(meters);
                        count.registered()[0] = true;
                    }
                }
            } catch (RuntimeException e) {
                ok = false;
                log.debug("Could not count {} {}: {}", count.name(), count.tags(), e.toString());
            }
        }
        if (ok) {
            if (lastRefresh.getAndSet(System.currentTimeMillis()) == 0) {
                Gauge.builder("tanchang.metrics.count.age", lastRefresh,
                                at -> (System.currentTimeMillis() - at.get()) / 1000.0)
                        .description("Seconds since this process last counted its business gauges in the database")
                        .baseUnit("seconds").register(meters);
            }
        } else {
            log.warn("Some business gauges could not be counted; they keep their last value");
        }
        return ok;
    }

    @Override
    public void start() {
        if (counts.isEmpty()) {
            return;
        }
        task.start(Duration.ZERO, interval, this::refresh);
    }

    @Override
    public void stop() {
        task.stop(Duration.ZERO);
    }

    @Override
    public boolean isRunning() {
        return task.isRunning();
    }

    /** After the services' own beans have declared their counts, and after the database client. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
