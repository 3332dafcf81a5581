package org.tanchang.grid.notification.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent-Event streams of this instance, per recipient. A message recorded on another instance is
 * not pushed here (the client still finds it on its next reconnect with {@code since}); one instance or sticky
 * routing per user keeps it live.
 */
@Component
class InboxStream {

    private final Map<String, Set<SseEmitter>> open = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Duration timeout;

    InboxStream(@Value("${tanchang.notification.stream.timeout}") Duration timeout, MeterRegistry meters) {
        this.timeout = timeout;
        Gauge.builder("tanchang.notification.streams.open", count, AtomicInteger::get)
                .description("Open inbox streams (Server-Sent Events)").register(meters);
    }

    /** A new stream for the recipient, closed by the server after {@code maxAge} (or the configured timeout). */
    SseEmitter open(String recipientId, Duration maxAge) {
        Duration age = maxAge == null || maxAge.compareTo(timeout) > 0 ? timeout : maxAge;
        SseEmitter emitter = new SseEmitter(age.toMillis());
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

    private void remove(String recipientId, SseEmitter emitter) {
        Set<SseEmitter> emitters = open.get(recipientId);
        if (emitters != null && emitters.remove(emitter)) {
            count.decrementAndGet();
            open.computeIfPresent(recipientId, (id, set) -> set.isEmpty() ? null : set);
        }
    }
}
