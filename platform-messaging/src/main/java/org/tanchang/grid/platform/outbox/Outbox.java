package org.tanchang.grid.platform.outbox;

import java.time.Clock;
import java.util.UUID;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.platform.events.EventJson;
import org.tanchang.grid.platform.events.EventTraces;

/**
 * Creates outbox events for aggregates to keep in their {@value #FIELD} list. The aggregate is saved with the
 * events in one document write; {@link OutboxRelay} publishes them afterwards.
 */
public class Outbox {

    /** The field every aggregate document keeps its unpublished events in. */
    public static final String FIELD = "outbox";

    private final String source;
    private final EventJson json;
    private final Clock clock;
    private final boolean legacyType;
    private final EventTraces traces;

    public Outbox(String applicationName, EventJson json, Clock clock, EventTraces traces) {
        this(applicationName, json, clock, false, traces);
    }

    /**
     * @param legacyType publish the short type ({@code DisputeOpened}) instead of the reverse-DNS one: for the one
     *                   release in which a deployment still has consumers older than the reverse-DNS form
     *                   ({@code tanchang.events.legacy-type=true})
     */
    public Outbox(String applicationName, EventJson json, Clock clock, boolean legacyType, EventTraces traces) {
        this.source = "/tanchang-grid/" + applicationName;
        this.json = json;
        this.clock = clock;
        this.legacyType = legacyType;
        this.traces = traces;
    }

    /**
     * An event about aggregate {@code subject}; it becomes the Kafka key so one aggregate's events stay in order.
     * It carries the reverse-DNS CloudEvents type and the current span's trace context (the request's or the
     * consumed record's); an event written outside any span (a schedule, the seeding at start-up) starts a trace
     * of its own, so every event can be followed.
     */
    public <T> OutboxEvent event(EventType<T> type, String subject, T data) {
        return new OutboxEvent(UUID.randomUUID().toString(), type.topic(), source,
                legacyType ? type.type() : type.cloudEventType(), subject,
                clock.instant(), type.dataSchema(), traces.traceparentForNewEvent("event " + type.type()),
                json.write(data));
    }
}
