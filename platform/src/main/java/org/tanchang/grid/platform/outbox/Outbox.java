package org.tanchang.grid.platform.outbox;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.MDC;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.platform.events.EventJson;
import org.tanchang.grid.platform.web.RequestContext;

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

    public Outbox(String applicationName, EventJson json, Clock clock) {
        this.source = "/tanchang-grid/" + applicationName;
        this.json = json;
        this.clock = clock;
    }

    /** An event about aggregate {@code subject}; it becomes the Kafka key so one aggregate's events stay in order. */
    public <T> OutboxEvent event(EventType<T> type, String subject, T data) {
        return new OutboxEvent(UUID.randomUUID().toString(), type.topic(), source, type.type(), subject,
                clock.instant(), type.dataSchema(), MDC.get(RequestContext.TRACEPARENT), json.write(data));
    }
}
