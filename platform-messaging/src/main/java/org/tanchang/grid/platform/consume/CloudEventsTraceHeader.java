package org.tanchang.grid.platform.consume;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.tanchang.grid.platform.events.CloudEventsKafkaBinding;

/**
 * Lets a listener continue the trace of a record that carries only the CloudEvents extension
 * ({@code ce_traceparent}, as a producer using a CloudEvents SDK writes it): the listener observation reads the
 * W3C {@code traceparent} header, so this copies the extension there when the record has none. Runs in the Kafka
 * client, before the listener container starts its observation (a {@code RecordInterceptor} runs inside it).
 * Records of the suite carry both headers and pass untouched.
 */
public class CloudEventsTraceHeader implements ConsumerInterceptor<Object, Object> {

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        for (ConsumerRecord<Object, Object> record : records) {
            Headers headers = record.headers();
            if (headers.lastHeader(CloudEventsKafkaBinding.TRACEPARENT) == null) {
                var extension = headers.lastHeader(CloudEventsKafkaBinding.TRACEPARENT_ATTRIBUTE);
                if (extension != null) {
                    headers.add(CloudEventsKafkaBinding.TRACEPARENT, extension.value());
                }
            }
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
