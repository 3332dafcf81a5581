package org.tanchang.grid.gridservice.warning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tanchang.grid.gridservice.warning.RuleEngine.Grouped;
import org.tanchang.grid.gridservice.warning.WarningRules.Rule;
import org.tanchang.grid.platform.consume.IdempotentWrites;

/**
 * Applies every rule to one event. Each step is safe to repeat: the mark's id is the rule's and the event's, the
 * warning's id is derived from the rule, the group and the window, and a redelivered event re-evaluates from the
 * stored marks, so a crash between the mark and the warning is made good by the redelivery and never doubled.
 */
@Component
class WarningEvaluator {

    /** Evidence shown with a week-on-week warning: enough to follow up, bounded for a flood of overdue flags. */
    private static final int MAX_WEEK_EVIDENCE = 100;

    private final WarningRules rules;
    private final MongoOperations mongo;
    private final IdempotentWrites once;
    private final Warnings warnings;

    WarningEvaluator(WarningRules rules, MongoOperations mongo, IdempotentWrites once, Warnings warnings) {
        this.rules = rules;
        this.mongo = mongo;
        this.once = once;
        this.warnings = warnings;
    }

    void evaluate(Observed event) {
        for (Rule rule : rules.rules()) {
            RuleEngine.classify(rule, event).ifPresent(g -> {
                switch (rule.kind()) {
                    case SINGLE -> single(g, event);
                    case THRESHOLD -> threshold(g, event);
                    case WEEK_ON_WEEK -> weekOnWeek(g, event);
                }
            });
        }
    }

    private void single(Grouped g, Observed event) {
        warnings.raise(RuleEngine.warningId(g.rule().id(), g.groupKey(), ""), g, Map.of("count", 1L),
                List.of(evidence(g, event)), g.at(), g.at());
    }

    private void threshold(Grouped g, Observed event) {
        Rule rule = g.rule();
        WarningMark mark = mark(g, event, null);
        if (mark.warningId() != null) {
            return;                                   // already evidence of a warning: a redelivery
        }
        RiskWarning open = warnings.openCovering(rule.id(), g.groupKey(), g.at());
        if (open != null) {
            warnings.attach(open.id, mark.evidence());
            consume(List.of(mark), open.id);
            return;
        }
        List<WarningMark> window = mongo.find(Query.query(new Criteria().andOperator(
                Criteria.where("ruleId").is(rule.id()), Criteria.where("groupKey").is(g.groupKey()),
                Criteria.where("warningId").is(null), Criteria.where("at").gte(g.at().minus(rule.within())),
                Criteria.where("at").lte(g.at()))).with(Sort.by("at", "_id")), WarningMark.class);
        if (!RuleEngine.reached(rule, window.size())) {
            return;
        }
        WarningMark first = window.get(0);
        String id = RuleEngine.warningId(rule.id(), g.groupKey(), first.id());
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("count", (long) window.size());
        figures.put("threshold", (long) rule.count());
        figures.put("withinDays", rule.within().toDays());
        warnings.raise(id, g, figures, window.stream().map(WarningMark::evidence).toList(), first.at(),
                first.at().plus(rule.within()));
        consume(window, id);
    }

    private void weekOnWeek(Grouped g, Observed event) {
        Rule rule = g.rule();
        LocalDate week = RuleEngine.weekOf(g.at());
        mark(g, event, week.toString());
        Criteria ofGroup = Criteria.where("ruleId").is(rule.id()).and("groupKey").is(g.groupKey());
        long thisWeek = mongo.count(Query.query(Criteria.where("week").is(week.toString()).andOperator(ofGroup)),
                WarningMark.class);
        long lastWeek = mongo.count(Query.query(Criteria.where("week").is(week.minusWeeks(1).toString())
                .andOperator(ofGroup)), WarningMark.class);
        if (!RuleEngine.risen(rule, thisWeek, lastWeek)) {
            return;
        }
        List<WarningMark> marks = mongo.find(Query.query(Criteria.where("week").is(week.toString())
                .andOperator(ofGroup)).with(Sort.by("at", "_id")).limit(MAX_WEEK_EVIDENCE), WarningMark.class);
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("thisWeek", thisWeek);
        figures.put("lastWeek", lastWeek);
        figures.put("minimum", (long) rule.minimum());
        warnings.raise(RuleEngine.warningId(rule.id(), g.groupKey(), week.toString()), g, figures,
                marks.stream().map(WarningMark::evidence).toList(), marks.get(0).at(), marks.get(0).at());
    }

    /** The event's mark for the rule, as stored (the earlier one when the event was delivered before). */
    private WarningMark mark(Grouped g, Observed event, String week) {
        WarningMark mark = new WarningMark(g.rule().id() + ":" + event.eventId(), g.rule().id(), g.groupKey(), g.at(),
                week, evidence(g, event), null);
        if (once.insertOnce(mark)) {
            return mark;
        }
        return mongo.findById(mark.id(), WarningMark.class);
    }

    private void consume(List<WarningMark> marks, String warningId) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(marks.stream().map(WarningMark::id).toList())),
                Update.update("warningId", warningId), WarningMark.class);
    }

    private static RiskWarning.Evidence evidence(Grouped g, Observed event) {
        return new RiskWarning.Evidence(event.eventId(), event.type(), event.subject(), g.gridCode(), g.at());
    }
}
