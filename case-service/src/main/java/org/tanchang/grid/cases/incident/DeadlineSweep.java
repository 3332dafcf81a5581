package org.tanchang.grid.cases.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.incident.CaseDeadlineApproaching;
import org.tanchang.grid.contracts.incident.CaseOverdue;
import org.tanchang.grid.contracts.incident.IncidentSupervised;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;

/**
 * Raises the deadline flags of open steps: RED (CaseOverdue, and supervision when configured) once a step is due,
 * YELLOW (CaseDeadlineApproaching) once 70% of it has passed. It asks only for what is due and not yet flagged
 * ({flag, dueAt} and {flag, yellowAt} are indexed), so a sweep over 100,000 open cases reads only the few that
 * changed colour. Each flag is one conditional update with its event in the outbox, so it is raised and published
 * once per step however often the sweep runs; a step taken meanwhile wins and the incident is looked at again next
 * time. The clock is the injectable {@link Clock}, so tests sweep at any moment.
 */
@Component
class DeadlineSweep {

    /** Timeline and supervision actor of automatic steps. */
    static final String SYSTEM = "system";

    private final MongoOperations mongo;
    private final IncidentSteps steps;
    private final Outbox outbox;
    private final CaseProperties properties;
    private final Clock clock;

    DeadlineSweep(MongoOperations mongo, IncidentSteps steps, Outbox outbox, CaseProperties properties, Clock clock) {
        this.mongo = mongo;
        this.steps = steps;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tanchang.cases.sweep-interval:PT1M}", initialDelayString = "${tanchang.cases.sweep-initial-delay:PT30S}")
    void run() {
        sweep(clock.instant());
    }

    /** Flags what has turned red or yellow by {@code now}; returns how many flags were raised. */
    int sweep(Instant now) {
        Criteria red = Criteria.where("dueAt").lte(now).and("flag").in(Arrays.asList(null, DeadlineFlag.YELLOW));
        Criteria yellow = Criteria.where("yellowAt").lte(now).and("flag").is(null);
        return raise(red, "dueAt", DeadlineFlag.RED, now) + raise(yellow, "yellowAt", DeadlineFlag.YELLOW, now);
    }

    private int raise(Criteria due, String field, DeadlineFlag flag, Instant now) {
        int raised = 0;
        while (true) {
            List<Incident> batch = mongo.find(Query.query(due).with(Sort.by(field, "_id")).limit(properties.sweepBatch()),
                    Incident.class);
            int before = raised;
            for (Incident incident : batch) {
                raised += flag(incident, flag, now) ? 1 : 0;
            }
            // a short batch was the last; a batch where every update lost a race is left to the next sweep
            if (batch.size() < properties.sweepBatch() || raised == before) {
                return raised;
            }
        }
    }

    private boolean flag(Incident incident, DeadlineFlag flag, Instant now) {
        Update update = new Update().set("flag", flag);
        if (flag == DeadlineFlag.RED) {
            List<Object> events = new ArrayList<>();
            events.add(outbox.event(CaseOverdue.TYPE, incident.id, new CaseOverdue(incident.id,
                    incident.caseNumber, incident.gridCode, incident.state.name(), Times.local(incident.dueAt),
                    incident.officerId, incident.townshipCode)));
            if (properties.superviseWhenOverdue() && !incident.supervised) {
                String reason = "督办: step " + incident.state + " overdue since " + Times.local(incident.dueAt);
                update.set("supervised", true)
                        .push("supervisions", new Incident.Supervision(SYSTEM, SYSTEM, now, reason, true))
                        .push("timeline", new Incident.TimelineEntry(incident.state, SYSTEM, now, reason, "supervise",
                                SYSTEM));
                events.add(outbox.event(IncidentSupervised.TYPE, incident.id, new IncidentSupervised(incident.id,
                        incident.caseNumber, incident.gridCode, incident.state.name(), incident.officerId,
                        incident.townshipCode, SYSTEM, SYSTEM, reason, null, true, Times.local(now))));
            }
            update.push("outbox").each(events.toArray());   // one $push per field: both events in one
        } else {
            update.push("outbox", outbox.event(CaseDeadlineApproaching.TYPE, incident.id,
                    new CaseDeadlineApproaching(incident.id, incident.caseNumber, incident.gridCode,
                            incident.state.name(), Times.local(incident.dueAt), incident.officerId,
                            incident.townshipCode)));
        }
        try {
            steps.write(incident, update);
            return true;
        } catch (ProblemException changedMeanwhile) {
            return false;
        }
    }
}
