package org.tanchang.grid.platform.messaging;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.tanchang.grid.platform.consume.EventConsumerConfiguration;
import org.tanchang.grid.platform.events.EventJson;
import org.tanchang.grid.platform.events.EventTraces;
import org.tanchang.grid.platform.metrics.MetricsConfiguration;
import org.tanchang.grid.platform.outbox.OutboxConfiguration;

/** Events for a service: the outbox and its relay, idempotent consumers with dead letters, consumer lag. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@Import({OutboxConfiguration.class, EventConsumerConfiguration.class, MetricsConfiguration.class})
public class MessagingAutoConfiguration {

    @Bean
    EventJson eventJson() {
        return new EventJson();
    }

    /** The outbox keeps the trace of the work that wrote an event, in the event's CloudEvents trace extension. */
    @Bean
    EventTraces eventTraces(Tracer tracer, io.opentelemetry.api.trace.Tracer otelTracer) {
        return new EventTraces(tracer, new OtelPropagator(
                ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer));
    }
}
