package org.tanchang.grid.notification.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent-Event streams of this instance, per recipient. Messages recorded here are pushed directly;
 * those recorded on other instances arrive as live signals ({@link LiveSignals}).
 *
 * <p>A lifecycle of its own so that shutdown ends the streams first: an open stream is an active request, and the
 * web server's graceful shutdown would otherwise wait its whole timeout for them. Completing them makes clients
 * reconnect (to another instance, behind the gateway) with {@code since}, so they miss nothing.
 */
@Component
class InboxStream implements SmartLifecycle {

    /** Stops before the web server's graceful shutdown (DEFAULT_PHASE - 1024; higher phases stop first). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    /** How soon an EventSource should reconnect after the server ended a stream (timeout, shutdown). */
    private static final Duration RECONNECT = Duration.ofSeconds(3);

    private final Map<String, Set<SseEmitter>> open = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Duration timeout;
    private volatile boolean running;

    InboxStream(@Value("${tanchang.notification.stream.timeout}") Duration timeout, MeterRegistry meters) {
        this.timeout = timeout;
        Gauge.builder("tanchang.notification.streams.open", count, AtomicInteger::get)
                .description("Open inbox streams (Server-Sent Events)").register(meters);
    }

    /** A new stream for the recipient, closed by the server after {@code maxAge} (or the configured timeout). */
    SseEmitter open(String recipientId, Duration maxAge) {
        Duration age = maxAge == null || maxAge.compareTo(timeout) > 0 ? timeout : maxAge;
        SseEmitter emitter = new SseEmitter(age.toMillis());
        if (!running) {
            // shutting down: the client reconnects at once, to an instance that stays
            emitter.complete();
            return emitter;
        }
        // compute, not computeIfAbsent + add: atomic against remove() dropping an emptied set at the same moment
        open.compute(recipientId, (id, emitters) -> {
            Set<SseEmitter> set = emitters == null ? new CopyOnWriteArraySet<>() : emitters;
            set.add(emitter);
            return set;
        });
        count.incrementAndGet();
        Runnable remove = () -> remove(recipientId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(() -> {
            remove.run();
            emitter.complete();
        });
        emitter.onError(e -> remove.run());
        // said at once, so the response (headers and all) leaves now rather than with the first message: an
        // EventSource reports "open" only then, and a client waiting for the headers would otherwise wait for it
        try {
            emitter.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("inbox stream open"));
        } catch (IOException | IllegalStateException gone) {
            remove.run();
        }
        return emitter;
    }

    void push(String recipientId, NotificationView view) {
        for (SseEmitter emitter : open.getOrDefault(recipientId, Set.of())) {
            send(recipientId, emitter, view);
        }
    }

    void send(String recipientId, SseEmitter emitter, NotificationView view) {
        try {
            emitter.send(SseEmitter.event().id(view.id()).name("notification").data(view, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            remove(recipientId, emitter);
        }
    }

    /** A comment line now and then keeps proxies and the gateway from closing an idle stream. */
    @Scheduled(fixedDelayString = "${tanchang.notification.stream.heartbeat}")
    void heartbeat() {
        open.forEach((recipientId, emitters) -> emitters.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                remove(recipientId, emitter);
            }
        }));
    }

    @Override
    public void start() {
        running = true;
    }

    /** Completes every open stream; their requests end, so the graceful shutdown that follows has none to wait for. */
    @Override
    public void stop() {
        running = false;
        open.forEach((recipientId, emitters) -> emitters.forEach(emitter -> {
            remove(recipientId, emitter);
            emitter.complete();
        }));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void remove(String recipientId, SseEmitter emitter) {
        Set<SseEmitter> emitters = open.get(recipientId);
        if (emitters != null && emitters.remove(emitter)) {
            count.decrementAndGet();
            open.computeIfPresent(recipientId, (id, set) -> set.isEmpty() ? null : set);
        }
    }
}
