package org.tanchang.grid.gridservice.warning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.grid.RiskWarningRaised;
import org.tanchang.grid.contracts.grid.WarningEvidence;
import org.tanchang.grid.gridservice.warning.RiskWarning.State;
import org.tanchang.grid.gridservice.warning.RuleEngine.Grouped;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.workflow.Effect;
import org.tanchang.grid.platform.workflow.Steps;

/** Raises warnings (once per id), reads them in the caller's area and takes their steps. */
@Service
class Warnings {

    private final MongoOperations mongo;
    private final IdempotentWrites once;
    private final Outbox outbox;
    private final Steps steps;
    private final RiskWarningWorkflow procedure;
    private final Clock clock;

    Warnings(MongoOperations mongo, IdempotentWrites once, Outbox outbox, Steps steps, RiskWarningWorkflow procedure,
            Clock clock) {
        this.mongo = mongo;
        this.once = once;
        this.outbox = outbox;
        this.steps = steps;
        this.procedure = procedure;
        this.clock = clock;
    }

    /** Stores the warning with its RiskWarningRaised event; false when a warning of this id exists already. */
    boolean raise(String id, Grouped g, Map<String, Long> figures, List<RiskWarning.Evidence> evidence,
            Instant windowStart, Instant windowEnd) {
        RiskWarning w = new RiskWarning();
        w.id = id;
        w.ruleId = g.rule().id();
        w.title = g.rule().title();
        w.level = g.rule().level();
        w.areaCode = g.areaCode();
        w.gridCode = g.gridCode();
        w.groupKey = g.groupKey();
        w.figures.putAll(figures);
        w.evidence.addAll(evidence);
        w.raisedAt = clock.instant();
        w.windowStart = windowStart;
        w.windowEnd = windowEnd;
        w.outbox.add(outbox.event(RiskWarningRaised.TYPE, id, new RiskWarningRaised(id, w.ruleId, w.title, w.level,
                w.areaCode, w.gridCode, w.groupKey, w.figures, evidence.stream().map(e -> new WarningEvidence(
                        e.eventId(), e.eventType(), e.matterId(), e.gridCode(), Times.local(e.at()))).toList(),
                Times.local(w.raisedAt))));
        return once.insertOnce(w);
    }

    /** The open warning of this rule and group whose window the time falls in, if any. */
    RiskWarning openCovering(String ruleId, String groupKey, Instant at) {
        return mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("ruleId").is(ruleId),
                Criteria.where("groupKey").is(groupKey), Criteria.where("open").is(true),
                Criteria.where("windowStart").lte(at), Criteria.where("windowEnd").gte(at))), RiskWarning.class);
    }

    /** A later event of the same window joins the warning's evidence (once; no new event: nothing new to tell). */
    void attach(String warningId, RiskWarning.Evidence evidence) {
        mongo.updateFirst(Query.query(new Criteria().andOperator(Criteria.where("_id").is(warningId),
                Criteria.where("evidence.eventId").ne(evidence.eventId()))),
                new Update().push("evidence", evidence).inc("figures.count", 1).inc("version", 1), RiskWarning.class);
    }

    RiskWarning get(Caller caller, String id) {
        RiskWarning found = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Visibility.criteria(caller, "areaCode", null))), RiskWarning.class);
        if (found == null) {
            throw ProblemException.notFound("Risk warning", id);
        }
        return found;
    }

    Page<RiskWarningView> list(Caller caller, String areaCode, State state, String ruleId, int page, int size) {
        List<Criteria> conditions = new ArrayList<>(List.of(Visibility.criteria(caller, "areaCode", null)));
        if (areaCode != null) {
            conditions.add(Criteria.where("areaCode").regex("^" + areaCode));
        }
        if (state != null) {
            conditions.add(Criteria.where("state").is(state));
        }
        if (ruleId != null) {
            conditions.add(Criteria.where("ruleId").is(ruleId));
        }
        return Page.query(mongo, Query.query(new Criteria().andOperator(conditions)), RiskWarning.class,
                Sort.by(Sort.Order.desc("open"), Sort.Order.desc("raisedAt"), Sort.Order.asc("_id")), page, size,
                RiskWarningView::of);
    }

    RiskWarning step(Caller caller, String id, String action, String remark) {
        Effect<RiskWarning, State> effect = "handle".equals(action) ? (w, step) -> w.handling = remark
                : Effect.none();
        return steps.take(procedure, get(caller, id), caller, action, remark, effect);
    }
}
