package org.tanchang.grid.cases.incident;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.workflow.TimeLimit;

/**
 * The time limit of each step by incident type and urgency, from {@code tanchang.cases.time-limits}: the type's own
 * entry if it has one for that urgency and step, else the DEFAULT entry; a step listed nowhere has no limit (CLOSED
 * waiting for the reporter's rating, the final states). Parsed at start-up, so a malformed limit stops the service.
 */
@Component
class TimeLimits {

    static final String DEFAULT = "DEFAULT";

    private final Map<String, Map<String, Map<String, TimeLimit>>> limits;

    TimeLimits(CaseProperties properties) {
        this.limits = parse(properties.timeLimits());
    }

    Optional<TimeLimit> of(IncidentType type, Urgency urgency, IncidentState step) {
        return Optional.ofNullable(lookup(type.name(), urgency, step)).or(() -> Optional.ofNullable(
                lookup(DEFAULT, urgency, step)));
    }

    private TimeLimit lookup(String type, Urgency urgency, IncidentState step) {
        return limits.getOrDefault(type, Map.of()).getOrDefault(urgency.name(), Map.of()).get(step.name());
    }

    private static Map<String, Map<String, Map<String, TimeLimit>>> parse(
            Map<String, Map<String, Map<String, String>>> configured) {
        Map<String, Map<String, Map<String, TimeLimit>>> parsed = new java.util.HashMap<>();
        configured.forEach((type, byUrgency) -> {
            if (!type.equals(DEFAULT)) {
                IncidentType.valueOf(type);   // a typo in the YAML fails start-up instead of silently not applying
            }
            byUrgency.forEach((urgency, bySteps) -> {
                Urgency.valueOf(urgency);
                bySteps.forEach((step, limit) -> parsed.computeIfAbsent(type, t -> new java.util.HashMap<>())
                        .computeIfAbsent(urgency, u -> new java.util.HashMap<>())
                        .put(IncidentState.valueOf(step).name(), TimeLimit.parse(limit)));
            });
        });
        return parsed;
    }
}
