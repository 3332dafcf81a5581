package org.tanchang.grid.notification.rules;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The rules of {@code tanchang.notification.rules} (notification-rules.yml), by event type. */
@ConfigurationProperties("tanchang.notification")
record RuleProperties(List<Rule> rules) {

    RuleProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    Map<String, List<Rule>> byEvent() {
        return rules.stream().collect(Collectors.groupingBy(Rule::event));
    }
}
