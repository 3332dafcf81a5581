package org.tanchang.grid.platform.metrics;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Kafka's consumer registers each per-topic fetch metric twice: under the topic's name and, deprecated, under the name
 * with its dots replaced by underscores ({@code grid.patrol-reports.v1} and {@code grid_patrol-reports_v1}), which
 * doubled every lag series of the scrape. The suite's topic names all contain dots ({@code <source>.<things>.v<N>}),
 * so a dot-less underscored topic tag is such a copy and is not registered. In the core so that every process with a
 * Kafka consumer (the services, the console's live feed) gets the same filter.
 */
public final class KafkaClientMetrics {

    private KafkaClientMetrics() {
    }

    public static MeterFilter deprecatedTopicCopies() {
        return MeterFilter.deny(id -> id.getName().startsWith("kafka.consumer.fetch.manager.")
                && isDeprecatedTopicCopy(id.getTag("topic")));
    }

    public static boolean isDeprecatedTopicCopy(String topic) {
        return topic != null && topic.indexOf('.') < 0 && topic.indexOf('_') >= 0;
    }
}
