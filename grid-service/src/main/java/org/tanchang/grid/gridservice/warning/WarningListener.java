package org.tanchang.grid.gridservice.warning;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.platform.events.CloudEventsKafkaBinding;
import org.tanchang.grid.platform.events.EventEnvelope;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the topics the warning rules name and hands every event to the rules, generically: the envelope's short
 * type and the data as a JSON tree, so a rule can read an event of another service without its record class.
 * A record that is not a CloudEvent, or whose data is not JSON, throws and goes to the dead-letter topic.
 */
@Component
class WarningListener {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final WarningEvaluator evaluator;

    WarningListener(WarningEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The group is a setting so that two instances of the service in one test JVM (two databases) each take all. */
    @KafkaListener(topics = "#{@warningTopics}",
            groupId = "${tanchang.grid.warnings-consumer-group:grid-service-warnings}")
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = CloudEventsKafkaBinding.fromRecord(record);
        evaluator.evaluate(new Observed(envelope.id(), record.topic(), EventType.nameOf(envelope.type()),
                envelope.subject() != null ? envelope.subject() : record.key(), envelope.time(),
                JSON.readTree(envelope.data())));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WarningRules.class)
    static class Topics {

        /** The listener's topics come from the rules: a rule reading a new topic needs no code. */
        @Bean
        String[] warningTopics(WarningRules rules) {
            if (rules.topics().length == 0) {
                throw new IllegalStateException("no warning rules: tanchang.grid.warnings.rules is empty");
            }
            return rules.topics();
        }
    }
}
