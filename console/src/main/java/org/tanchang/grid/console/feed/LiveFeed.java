package org.tanchang.grid.console.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tanchang.grid.platform.security.AreaScope;

/**
 * The open live streams of this instance, each with the areas its person may see. An item goes to a stream only
 * when the person's scope covers the item's grid or area, the same rule the API applies to the matters.
 *
 * <p>A lifecycle of its own so that shutdown ends the streams before the web server's graceful wait: the browsers'
 * EventSource reconnects (to another instance) at once.
 */
@Component
class LiveFeed implements SmartLifecycle {

    private static final Duration RECONNECT = Duration.ofSeconds(3);

    private record Stream(SseEmitter emitter, AreaScope scope) {
    }

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final Duration timeout;
    private volatile boolean running;

    LiveFeed(@Value("${tanchang.console.feed.timeout}") Duration timeout, MeterRegistry meters) {
        this.timeout = timeout;
        Gauge.builder("tanchang.console.feed.streams.open", open, Set::size)
                .description("Open live-feed streams (Server-Sent Events)").register(meters);
    }

    SseEmitter open(AreaScope scope) {
        return open(scope, new SseEmitter(timeout.toMillis()));
    }

    SseEmitter open(AreaScope scope, SseEmitter emitter) {
        if (!running) {
            emitter.complete();
            return emitter;
        }
        Stream stream = new Stream(emitter, scope);
        open.add(stream);
        emitter.onCompletion(() -> open.remove(stream));
        emitter.onTimeout(() -> {
            open.remove(stream);
            emitter.complete();
        });
        emitter.onError(e -> open.remove(stream));
        // sent at once so the response's headers leave now and the EventSource reports "open"
        send(stream, SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("live feed open"));
        return emitter;
    }

    void publish(FeedItem item) {
        for (Stream stream : open) {
            if (item.area() != null && stream.scope().covers(item.area())) {
                send(stream, SseEmitter.event().name("matter").id(item.subject()).data(item));
            }
        }
    }

    /** A comment now and then keeps proxies from closing a quiet stream and finds streams whose browser left. */
    @Scheduled(fixedDelayString = "${tanchang.console.feed.keep-alive}")
    void keepAlive() {
        for (Stream stream : open) {
            send(stream, SseEmitter.event().comment("keep-alive"));
        }
    }

    int openStreams() {
        return open.size();
    }

    private void send(Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            open.remove(stream);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (Stream stream : open) {
            stream.emitter().complete();
        }
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
