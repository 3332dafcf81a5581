package org.tanchang.grid.gridservice.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.gridservice.warning.RuleEngine.Grouped;
import org.tanchang.grid.gridservice.warning.WarningRules.AreaLevel;
import org.tanchang.grid.gridservice.warning.WarningRules.EventRef;
import org.tanchang.grid.gridservice.warning.WarningRules.Kind;
import org.tanchang.grid.gridservice.warning.WarningRules.Rule;
import org.tanchang.grid.platform.test.WorkflowListing;
import tools.jackson.databind.json.JsonMapper;

/** The rules' decisions without a store: which events count, in which group, when a rule fires, and the ids. */
class RuleEngineTest {

    private static final Instant AT = Instant.parse("2026-03-04T02:00:00Z");   // Wednesday 10:00 county time

    static final Rule DISPUTES = new Rule("disputes", "三起同类纠纷", "ORANGE", Kind.THRESHOLD,
            List.of(new EventRef("mediation.disputes.v1", "DisputeOpened")), null, null, AreaLevel.VILLAGE,
            List.of("type"), "originatedAt", 3, Duration.ofDays(7), null);
    static final Rule HIGH = new Rule("high", "高风险", "RED", Kind.SINGLE,
            List.of(new EventRef("grid.sentiments.v1", "SentimentRecorded")), Map.of("risk", List.of("HIGH")), null,
            AreaLevel.GRID, List.of("sentimentId"), null, null, null, null);
    static final Rule OVERDUE = new Rule("overdue", "超期上升", "YELLOW", Kind.WEEK_ON_WEEK,
            List.of(new EventRef("case.incidents.v1", "CaseOverdue"), new EventRef("case.hazards.v1", "HazardOverdue")),
            null, null, AreaLevel.TOWNSHIP, null, null, null, null, 3);

    static Observed event(String topic, String type, String json) {
        return new Observed("e-1", topic, type, "matter-1", AT, JsonMapper.builder().build().readTree(json));
    }

    @Test
    void aDisputeCountsInTheGroupOfItsVillageAndTypeAtTheTimeOfItsOrigin() {
        Grouped g = RuleEngine.classify(DISPUTES, event("mediation.disputes.v1", "DisputeOpened",
                "{\"gridCode\":\"621223101001001\",\"type\":\"LAND\",\"originatedAt\":\"2026-03-01T09:00:00+08:00\"}"))
                .orElseThrow();

        assertThat(g.areaCode()).isEqualTo("621223101001");
        assertThat(g.gridCode()).isEqualTo("621223101001001");
        assertThat(g.groupKey()).isEqualTo("621223101001|LAND");
        assertThat(g.at()).isEqualTo(Instant.parse("2026-03-01T01:00:00Z"));
    }

    @Test
    void eventsOfOtherTypesTopicsValuesOrWithoutTheirGroupDoNotCount() {
        String dispute = "{\"gridCode\":\"621223101001001\",\"type\":\"LAND\"}";
        assertThat(RuleEngine.classify(DISPUTES, event("mediation.disputes.v1", "DisputeOverdue", dispute))).isEmpty();
        assertThat(RuleEngine.classify(DISPUTES, event("case.incidents.v1", "DisputeOpened", dispute))).isEmpty();
        assertThat(RuleEngine.classify(DISPUTES, event("mediation.disputes.v1", "DisputeOpened",
                "{\"gridCode\":\"621223101001001\"}"))).as("no type: no group").isEmpty();
        assertThat(RuleEngine.classify(DISPUTES, event("mediation.disputes.v1", "DisputeOpened",
                "{\"gridCode\":\"6212\",\"type\":\"LAND\"}"))).as("a code above the village").isEmpty();
        assertThat(RuleEngine.classify(HIGH, event("grid.sentiments.v1", "SentimentRecorded",
                "{\"sentimentId\":\"s1\",\"gridCode\":\"621223101001001\",\"risk\":\"MEDIUM\"}"))).isEmpty();
        assertThat(RuleEngine.classify(HIGH, event("grid.sentiments.v1", "SentimentRecorded",
                "{\"sentimentId\":\"s1\",\"gridCode\":\"621223101001001\",\"risk\":\"HIGH\"}")).orElseThrow()
                .groupKey()).isEqualTo("621223101001001|s1");
    }

    @Test
    void aThresholdFiresAtItsCountAndAWeekOnWeekRiseOnlyAboveLastWeekAndTheMinimum() {
        assertThat(RuleEngine.reached(DISPUTES, 2)).isFalse();
        assertThat(RuleEngine.reached(DISPUTES, 3)).isTrue();
        assertThat(RuleEngine.risen(OVERDUE, 3, 2)).isTrue();
        assertThat(RuleEngine.risen(OVERDUE, 3, 3)).as("not rising").isFalse();
        assertThat(RuleEngine.risen(OVERDUE, 2, 0)).as("below the minimum").isFalse();
        assertThat(RuleEngine.risen(DISPUTES, 9, 0)).as("another kind").isFalse();
    }

    @Test
    void weeksAreCountyWeeksFromMonday() {
        assertThat(RuleEngine.weekOf(AT)).isEqualTo(LocalDate.of(2026, 3, 2));
        // Sunday 23:30 in Beijing is still the week before; 00:30 Monday county time is the new one
        assertThat(RuleEngine.weekOf(Instant.parse("2026-03-08T15:30:00Z"))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(RuleEngine.weekOf(Instant.parse("2026-03-08T16:30:00Z"))).isEqualTo(LocalDate.of(2026, 3, 9));
        Grouped g = RuleEngine.classify(OVERDUE, event("case.hazards.v1", "HazardOverdue",
                "{\"hazardId\":\"h1\",\"gridCode\":\"621223102001001\"}")).orElseThrow();
        assertThat(g.groupKey()).isEqualTo("621223102");
    }

    @Test
    void theWarningIdIsTheSameForTheSameRuleGroupAndWindowOnly() {
        String id = RuleEngine.warningId("disputes", "621223101001|LAND", "m1");
        assertThat(id).startsWith("rw-").isEqualTo(RuleEngine.warningId("disputes", "621223101001|LAND", "m1"));
        assertThat(RuleEngine.warningId("disputes", "621223101001|LAND", "m2")).isNotEqualTo(id);
        assertThat(RuleEngine.warningId("disputes", "621223101002|LAND", "m1")).isNotEqualTo(id);
        assertThat(RuleEngine.warningId("other", "621223101001|LAND", "m1")).isNotEqualTo(id);
    }

    @Test
    void rulesThatCouldNeverFireOrWouldSwallowEventsRefuseToStart() {
        List<EventRef> events = List.of(new EventRef("t.v1", "X"));
        assertThatThrownBy(() -> new Rule("a", "t", "RED", Kind.THRESHOLD, events, null, null, AreaLevel.GRID, null,
                null, 3, null, null)).hasMessageContaining("within");
        assertThatThrownBy(() -> new Rule("a", "t", "RED", Kind.THRESHOLD, events, null, null, AreaLevel.GRID, null,
                null, 3, Duration.ZERO, null)).hasMessageContaining("within");
        assertThatThrownBy(() -> new Rule("a", "t", "RED", Kind.WEEK_ON_WEEK, events, null, null, AreaLevel.GRID,
                null, null, null, null, null)).hasMessageContaining("minimum");
        assertThatThrownBy(() -> new Rule("a", "t", "RED", Kind.SINGLE, events, null, null, AreaLevel.GRID, null,
                null, null, null, null)).hasMessageContaining("group-by");
        assertThatThrownBy(() -> new WarningRules(List.of(HIGH, HIGH))).hasMessageContaining("two warning rules");
        assertThat(new WarningRules(List.of(DISPUTES, HIGH, OVERDUE)).topics()).containsExactly(
                "mediation.disputes.v1", "grid.sentiments.v1", "case.incidents.v1", "case.hazards.v1");
    }

    @Test
    void theWarningTableIsTheReviewedOne() {
        WorkflowListing.assertMatchesReviewedListing(RiskWarningWorkflow.TABLE.name(),
                RiskWarningWorkflow.TABLE.listing());
    }
}
