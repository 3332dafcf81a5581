package org.tanchang.grid.platform.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps an event in the trace of whatever wrote it, across the delay of the outbox.
 *
 * <p>An event is written inside a request's (or a consumed record's) span but published later by the relay on its
 * own thread, when that span has long ended. So the outbox stores the writing span's context as a W3C
 * {@code traceparent} (which travels as the CloudEvents distributed-tracing extension, {@code ce_traceparent}), and
 * the relay publishes inside a span continued from it; Kafka's producer observation is then a child of that span.
 * Reading and writing the header is the W3C propagator's; what is ours is only that an event written outside any
 * span (a schedule, the seeding at start-up) begins a trace of its own, so that every event can be followed.
 */
public final class EventTraces {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator w3c;

    /**
     * @param tracer the application's tracer
     * @param w3c    a propagator writing W3C trace context, whatever the HTTP propagation is configured to: the
     *               CloudEvents extension is defined as W3C
     */
    public EventTraces(Tracer tracer, Propagator w3c) {
        this.tracer = tracer;
        this.w3c = w3c;
    }

    /**
     * The {@code traceparent} of the current span, or, outside any span, of a new trace begun for this event (a
     * span named {@code name}, ended at once, so the trace has a root to show).
     */
    public String traceparentForNewEvent(String name) {
        Span current = tracer.currentSpan();
        if (current != null) {
            return traceparentOf(current.context());
        }
        Span root = tracer.nextSpan().name(name).start();
        try {
            return traceparentOf(root.context());
        } finally {
            root.end();
        }
    }

    /**
     * Runs {@code work} in a new span (named {@code name}) that continues the stored {@code traceparent}, or that
     * begins a new trace when it is missing or unreadable; the span records a failure of the work.
     */
    public <E extends Exception> void inSpanContinuing(String traceparent, String name, Map<String, String> tags,
            Work<E> work) throws E {
        Span.Builder builder = traceparent == null ? tracer.spanBuilder()
                : w3c.extract(Map.of(TRACEPARENT, traceparent), Map::get);
        Span span = builder.name(name).start();
        tags.forEach(span::tag);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private String traceparentOf(TraceContext context) {
        Map<String, String> carrier = new HashMap<>();
        w3c.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Work that may throw a checked exception of one type. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }
}
