package org.tanchang.grid.platform.consume;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Counts outcomes per topic ({@code tanchang.events.consumed}). The trace of a record is the listener
 * observation's ({@code spring.kafka.listener.observation-enabled}), continued from its {@code traceparent} header.
 */
class CountingRecordInterceptor implements RecordInterceptor<Object, Object> {

    private final MeterRegistry meters;

    CountingRecordInterceptor(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
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

    private void consumed(String topic, String outcome) {
        io.micrometer.core.instrument.Counter.builder("tanchang.events.consumed").tag("topic", topic)
                .tag("outcome", outcome)
                .description("Events handled by this service's listeners, by topic and outcome (failure: retried "
                        + "or dead-lettered)").register(meters).increment();
    }
}
