package org.tanchang.grid.gridservice.warning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The early-warning rules (预警研判) as data, {@code tanchang.grid.warnings.rules}: which events each rule reads, which of
 * them count, how they are grouped and when the rule fires. Checked when the service starts: a rule that could never
 * fire, or fire on everything, stops the start instead of staying silent.
 */
@Validated
@ConfigurationProperties("tanchang.grid.warnings")
record WarningRules(@NotNull @Valid List<Rule> rules) {

    WarningRules {
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules == null ? List.<Rule>of() : rules) {
            if (rule.id() != null && !ids.add(rule.id())) {
                throw new IllegalArgumentException("two warning rules are named " + rule.id());
            }
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The topics the rules read: the warning consumer subscribes to exactly these. */
    String[] topics() {
        Set<String> topics = new LinkedHashSet<>();
        rules.forEach(r -> r.events().forEach(e -> topics.add(e.topic())));
        return topics.toArray(String[]::new);
    }

    enum Kind {
        /** At least {@code count} matching events of one group within {@code within}. */
        THRESHOLD,
        /** Every matching event: one warning per group (e.g. per sentiment). */
        SINGLE,
        /** More matching events of a group this week than last week (county weeks, Monday first), and at least {@code minimum}. */
        WEEK_ON_WEEK
    }

    /** The administrative level of the area a warning is about, as the prefix length of the grid code. */
    enum AreaLevel {
        COUNTY(6), TOWNSHIP(9), VILLAGE(12), GRID(15);

        final int digits;

        AreaLevel(int digits) {
            this.digits = digits;
        }
    }

    /** An event a rule reads: the topic it travels on and its short type name (as {@code EventType.nameOf} gives). */
    record EventRef(@NotBlank String topic, @NotBlank String type) {
    }

    /**
     * @param id        stable name (part of every warning id it raises: renaming it starts counting afresh)
     * @param title     what the supervisors read
     * @param level     how serious a warning of this rule is (RED, ORANGE, YELLOW)
     * @param match     conditions on the event's data: the field's text must be one of the values
     * @param areaField the data field holding the grid code (default gridCode)
     * @param area      the level of the warning's area, taken from the grid code; also the first part of the group
     * @param groupBy   further data fields that split the group (a dispute's type, a hazard's id)
     * @param timeField a data field with the time of the fact (ISO offset date-time); else the event's time
     * @param count     THRESHOLD: how many events fire it
     * @param within    THRESHOLD: the window they must fall in
     * @param minimum   WEEK_ON_WEEK: the least this week's count must be
     */
    record Rule(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{1,60}") String id,
            @NotBlank String title,
            @NotBlank String level,
            @NotNull Kind kind,
            @NotEmpty List<@Valid @NotNull EventRef> events,
            Map<String, List<String>> match,
            String areaField,
            @NotNull AreaLevel area,
            List<@NotBlank String> groupBy,
            String timeField,
            @Positive Integer count,
            Duration within,
            @Positive Integer minimum) {

        Rule {
            match = match == null ? Map.of() : Map.copyOf(match);
            areaField = areaField == null || areaField.isBlank() ? "gridCode" : areaField;
            groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
            if (kind == Kind.THRESHOLD && (count == null || within == null || within.isNegative()
                    || within.isZero())) {
                throw new IllegalArgumentException("warning rule " + id + ": THRESHOLD needs count and a positive "
                        + "within");
            }
            if (kind == Kind.WEEK_ON_WEEK && minimum == null) {
                throw new IllegalArgumentException("warning rule " + id + ": WEEK_ON_WEEK needs a minimum");
            }
            if (kind == Kind.SINGLE && groupBy.isEmpty()) {
                // without a field naming the matter, a second event of the area would be swallowed as a duplicate
                throw new IllegalArgumentException("warning rule " + id + ": SINGLE needs group-by (the matter's id)");
            }
        }

        boolean reads(String topic, String type) {
            return events.stream().anyMatch(e -> e.topic().equals(topic) && e.type().equals(type));
        }
    }
}
