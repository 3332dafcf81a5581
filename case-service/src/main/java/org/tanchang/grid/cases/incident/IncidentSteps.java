package org.tanchang.grid.cases.incident;

import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;

/**
 * Moves incidents along {@link IncidentWorkflow#TABLE}: finds the incident in the caller's scope (else 404), asks
 * the table (else 409), lets the action check and apply its own fields, starts the new step's time limit, appends
 * the timeline entry and puts IncidentStateChanged into the outbox, all in one update conditional on the version
 * that was read, so two officers acting at once cannot both win (the loser gets a 409 and reloads).
 */
@Service
class IncidentSteps {

    /** What an action changes beyond the state; may refuse (403, 400, 422) before anything is written. */
    @FunctionalInterface
    interface Change {
        void apply(Incident incident, Update update);

        Change NONE = (incident, update) -> { };
    }

    private final MongoOperations mongo;
    private final Incidents incidents;
    private final StepClock stepClock;
    private final Outbox outbox;
    private final Clock clock;

    IncidentSteps(MongoOperations mongo, Incidents incidents, StepClock stepClock, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.incidents = incidents;
        this.stepClock = stepClock;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Takes {@code action} on incident {@code id} as seen by {@code caller} (staff by area, citizens their own). */
    Incident take(Caller caller, String id, String action, String remark, Change change) {
        return take(caller, incidents.get(caller, id), action, remark, change);
    }

    Incident take(Caller caller, Incident incident, String action, String remark, Change change) {
        IncidentState from = incident.state;
        IncidentState to = IncidentWorkflow.TABLE.next(from, action);
        Update update = new Update();
        change.apply(incident, update);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        incident.state = to;
        stepClock.start(incident, now);
        Incident.TimelineEntry entry = new Incident.TimelineEntry(to, caller.subject(), now, remark, action,
                caller.name());
        incident.timeline.add(entry);
        var event = outbox.event(IncidentStateChanged.TYPE, incident.id, new IncidentStateChanged(incident.id,
                incident.caseNumber, incident.gridCode, incident.townshipCode, incident.type.name(), from.name(),
                to.name(), caller.subject(), caller.name(), Times.local(now), FreeText.scrub(remark),
                incident.officerId, incident.reporterId));
        StepClock.written(incident, update.set("state", to)).push("timeline", entry).push("outbox", event);
        write(incident, update);
        return incident;
    }

    /**
     * One conditional update of the incident as it was read; the outbox relay picks the event up from the
     * {@code outbox} field (a push, so events the relay has not published yet are never overwritten).
     */
    void write(Incident incident, Update update) {
        long read = incident.version == null ? 0 : incident.version;
        // the version inside $and keeps _id alone at the top, where every store looks it up by its index
        Query asRead = Query.query(Criteria.where("_id").is(incident.id)
                .andOperator(Criteria.where("version").is(read)));
        UpdateResult result = mongo.updateFirst(asRead, update.inc("version", 1), Incident.class);
        if (result.getMatchedCount() == 0) {
            throw ProblemException.conflict("Incident " + incident.id + " was changed meanwhile; reload and retry",
                    Map.of("id", incident.id));
        }
        incident.version = read + 1;
    }
}
