package org.tanchang.grid.platform.consume;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;
import org.tanchang.grid.platform.events.CloudEventsKafkaBinding;
import org.tanchang.grid.platform.events.TraceContext;
import org.tanchang.grid.platform.web.RequestContext;

/**
 * Continues the producer's trace while a record is handled, so the consumer's log lines carry the trace id of the
 * HTTP request that caused the event, and events it writes in turn carry it on. Counts outcomes per topic.
 */
class TracingRecordInterceptor implements RecordInterceptor<Object, Object> {

    private final MeterRegistry meters;

    TracingRecordInterceptor(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        String parent = CloudEventsKafkaBinding.traceparentOf(record.headers());
        String traceparent = TraceContext.childOf(parent);
        MDC.put(RequestContext.TRACEPARENT, traceparent);
        MDC.put(RequestContext.TRACE_ID, TraceContext.traceIdOf(traceparent));
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        consumed(record.topic(), "success");
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        consumed(record.topic(), "failure");
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(RequestContext.TRACEPARENT);
        MDC.remove(RequestContext.TRACE_ID);
    }

    private void consumed(String topic, String outcome) {
        io.micrometer.core.instrument.Counter.builder("tanchang.events.consumed").tag("topic", topic)
                .tag("outcome", outcome)
                .description("Events handled by this service's listeners, by topic and outcome (failure: retried "
                        + "or dead-lettered)").register(meters).increment();
    }
}
