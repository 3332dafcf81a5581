package org.tanchang.grid.gridservice.warning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tanchang.grid.gridservice.warning.WarningRules.Kind;
import org.tanchang.grid.gridservice.warning.WarningRules.Rule;
import org.tanchang.grid.platform.time.Times;
import tools.jackson.databind.JsonNode;

/**
 * The rules' decisions as plain functions (no store, no Spring), so they are tested as a table: whether an event
 * counts for a rule and in which group, whether a count fires, and the warning's deterministic id.
 */
final class RuleEngine {

    /** An event that counts for a rule: its group, the warning's area, its grid and the time of the fact. */
    record Grouped(Rule rule, String areaCode, String gridCode, String groupKey, Instant at) {
    }

    private RuleEngine() {
    }

    static Optional<Grouped> classify(Rule rule, Observed event) {
        if (!rule.reads(event.topic(), event.type())) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> condition : rule.match().entrySet()) {
            String value = text(event.data(), condition.getKey());
            if (value == null || !condition.getValue().contains(value)) {
                return Optional.empty();
            }
        }
        String grid = text(event.data(), rule.areaField());
        int digits = rule.area().digits;
        if (grid == null || grid.length() < digits || !grid.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String area = grid.substring(0, digits);
        List<String> key = new ArrayList<>(List.of(area));
        for (String field : rule.groupBy()) {
            String value = text(event.data(), field);
            if (value == null || value.isBlank()) {
                return Optional.empty();          // an event that does not say its group cannot be counted in one
            }
            key.add(value);
        }
        return Optional.of(new Grouped(rule, area, grid, String.join("|", key), timeOf(rule, event)));
    }

    /** THRESHOLD: whether this many not yet used events in the window fire the rule. */
    static boolean reached(Rule rule, int inWindow) {
        return rule.kind() == Kind.THRESHOLD && inWindow >= rule.count();
    }

    /** WEEK_ON_WEEK: more than last week, and enough to matter. */
    static boolean risen(Rule rule, long thisWeek, long lastWeek) {
        return rule.kind() == Kind.WEEK_ON_WEEK && thisWeek > lastWeek && thisWeek >= rule.minimum();
    }

    /** The Monday of the county-time week of an instant. */
    static LocalDate weekOf(Instant at) {
        return Times.local(at).toLocalDate().with(DayOfWeek.MONDAY);
    }

    /**
     * The id of the warning a rule raises for a group and a window (the first event's id, the week, the matter):
     * the same facts give the same id, so the store's unique id is what makes raising it idempotent.
     */
    static String warningId(String ruleId, String groupKey, String window) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((ruleId + "\n" + groupKey + "\n" + window).getBytes(StandardCharsets.UTF_8));
            return "rw-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A field of the data by name, or a dotted path ({@code responsibleOfficer.id}); null when absent or null. */
    static String text(JsonNode data, String field) {
        JsonNode node = data == null ? null : data.at("/" + field.replace('.', '/'));
        return node == null || node.isMissingNode() || node.isNull() || !node.isValueNode() ? null
                : node.asString();
    }

    private static Instant timeOf(Rule rule, Observed event) {
        String value = rule.timeField() == null ? null : text(event.data(), rule.timeField());
        if (value != null) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException unreadable) {
                // the envelope's time then: a rule should not drop an event over a field it only uses for the window
            }
        }
        return event.at();
    }
}
