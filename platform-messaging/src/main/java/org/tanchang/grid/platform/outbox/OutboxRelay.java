package org.tanchang.grid.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes pending outbox events and removes each one only after the broker acknowledged it. While the broker is
 * away it backs off and keeps trying; nothing is dropped. A crash between the ack and the removal publishes that
 * event again on restart: delivery is at least once, and every consumer deduplicates on the event id.
 *
 * <p>Several instances of one service each run a relay; they may both publish an event that was pending when
 * they looked, which the consumers' deduplication absorbs. A lease per document would avoid the duplicate send;
 * it is not worth its cost at this scale.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final Supplier<List<String>> collections;
    private final OutboxProperties properties;
    private final Semaphore wakeUp = new Semaphore(0);
    private static final long NONE = Long.MIN_VALUE;

    private final AtomicLong pendingSeen = new AtomicLong();
    /** Write time (epoch ms) of the oldest pending event of the last pass, or {@link #NONE}. */
    private final AtomicLong oldestSeen = new AtomicLong(NONE);
    private final java.time.Clock clock;
    private final MeterRegistry meters;
    private final Counter failures;
    private volatile Thread worker;
    private volatile boolean running;

    OutboxRelay(OutboxStore store, OutboxPublisher publisher, Supplier<List<String>> collections,
            OutboxProperties properties, MeterRegistry meters) {
        this(store, publisher, collections, properties, meters, java.time.Clock.systemUTC());
    }

    OutboxRelay(OutboxStore store, OutboxPublisher publisher, Supplier<List<String>> collections,
            OutboxProperties properties, MeterRegistry meters, java.time.Clock clock) {
        this.clock = clock;
        this.store = store;
        this.publisher = publisher;
        this.collections = collections;
        this.properties = properties;
        this.meters = meters;
        this.failures = Counter.builder("tanchang.outbox.publish.failures")
                .description("Outbox relay passes that stopped because the broker did not acknowledge an event")
                .register(meters);
        Gauge.builder("tanchang.outbox.pending", pendingSeen, AtomicLong::get)
                .description("Events written with their aggregate and not yet acknowledged by Kafka, as of the "
                        + "relay's last pass").register(meters);
        // computed at scrape time from the stored write time: it keeps growing while the relay is stuck or dead
        Gauge.builder("tanchang.outbox.oldest.age", oldestSeen,
                        at -> at.get() == NONE ? 0 : Math.max(0, clock.millis() - at.get()) / 1000.0)
                .description("Age of the oldest event the relay saw pending at its last pass (0 when none): "
                        + "how long an event has waited for Kafka").baseUnit("seconds").register(meters);
    }

    /** Asks the relay to look now rather than at its next poll; called after a write that added events. */
    public void wakeUp() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /**
     * One pass over every outbox collection. Returns how many events were published. The events of different
     * documents are in flight together and acknowledged together; those of one document go one after the other, and
     * a document's later events wait behind one that failed, so an aggregate's events never overtake each other.
     */
    public int relayOnce() throws Exception {
        int sent = 0;
        long pending = 0;
        long oldest = NONE;
        Exception failure = null;
        for (String collection : collections.get()) {
            List<OutboxStore.Pending> documents = store.pending(collection, properties.batchSize());
            if (documents.isEmpty()) {
                continue;
            }
            Set<String> sentBefore = store.sentAmong(documents.stream()
                    .flatMap(doc -> doc.events().stream().map(OutboxEvent::eventId)).toList());
            Map<Object, List<String>> done = new LinkedHashMap<>();
            List<CompletableFuture<Void>> chains = new ArrayList<>();
            for (OutboxStore.Pending doc : documents) {
                List<String> published = Collections.synchronizedList(new ArrayList<>());
                done.put(doc.documentId(), published);
                CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
                for (OutboxEvent event : doc.events()) {
                    pending++;
                    if (event.time() != null && (oldest == NONE || event.time().toEpochMilli() < oldest)) {
                        oldest = event.time().toEpochMilli();
                    }
                    if (sentBefore.contains(event.eventId())) {
                        // put back by a save of a copy read before the relay removed it: published already
                        published.add(event.eventId());
                        continue;
                    }
                    chain = chain.thenCompose(previous -> publisher.send(event)).thenRun(() -> {
                        published.add(event.eventId());
                        Counter.builder("tanchang.events.published").tag("topic", event.topic())
                                .tag("type", event.type())
                                .description("Events the outbox relay published and Kafka acknowledged")
                                .register(meters).increment();
                    });
                }
                chains.add(chain);
            }
            failure = awaitAll(chains);
            done.values().removeIf(List::isEmpty);
            // what was acknowledged is removed even when something else failed, so it is not sent again
            store.markSent(collection, done);
            int acknowledged = done.values().stream().mapToInt(List::size).sum();
            pending -= acknowledged;
            sent += acknowledged - (int) done.values().stream().flatMap(List::stream).filter(sentBefore::contains).count();
            if (failure != null) {
                break;
            }
        }
        pendingSeen.set(pending);
        // what was published in this pass no longer waits; only a failed pass leaves events behind
        oldestSeen.set(failure != null || pending > 0 ? oldest : NONE);
        if (failure != null) {
            throw failure;
        }
        return sent;
    }

    /** Waits for every chain (bounded by the send timeout); returns the first failure, or null. */
    private Exception awaitAll(List<CompletableFuture<Void>> chains) throws InterruptedException {
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        Exception failure = null;
        for (CompletableFuture<Void> chain : chains) {
            try {
                chain.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof Exception cause ? cause : e;
            } catch (TimeoutException e) {
                failure = failure != null ? failure : e;
            }
        }
        return failure;
    }

    private void loop() {
        Duration backoff = properties.pollInterval();
        while (running) {
            try {
                int sent = relayOnce();
                backoff = properties.pollInterval();
                if (sent > 0) {
                    continue;
                }
            } catch (Exception e) {
                failures.increment();
                log.warn("Outbox relay could not publish, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
            }
            try {
                if (wakeUp.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the Kafka and Mongo clients, stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
