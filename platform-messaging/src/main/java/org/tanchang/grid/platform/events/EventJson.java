package org.tanchang.grid.platform.events;

import org.tanchang.grid.contracts.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for event data. Its own mapper on purpose: the web API refuses unknown fields, but a consumer must be a
 * tolerant reader, so a producer can add a field without breaking everyone downstream.
 */
public final class EventJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)   // keep the +08:00 the producer wrote
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)         // a new enum value upstream is not poison
            .build();

    public String write(Object data) {
        return mapper.writeValueAsString(data);
    }

    public <T> T read(EventEnvelope envelope, EventType<T> type) {
        if (!type.accepts(envelope.type())) {
            throw new MalformedEventException("expected " + type.cloudEventType() + " but got " + envelope.type());
        }
        if (envelope.dataSchema() != null && !envelope.dataSchema().equals(type.dataSchema())) {
            throw new MalformedEventException("unsupported data schema " + envelope.dataSchema()
                    + " (this consumer reads " + type.dataSchema() + ")");
        }
        try {
            return mapper.readValue(envelope.data(), type.dataClass());
        } catch (JacksonException e) {
            throw new MalformedEventException("unreadable data of event " + envelope.id(), e);
        }
    }
}
