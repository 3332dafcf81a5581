package org.tanchang.grid.cases.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.incident.IncidentSupervised;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Effect;
import org.tanchang.grid.platform.workflow.Steps;
import org.tanchang.grid.platform.workflow.VersionedWrites;

/**
 * The incident's actions: each loads the incident in the caller's scope (404 otherwise) and takes the step through
 * the platform's {@link Steps} with its own {@link Effect} (a plain function of the incident, see the static
 * methods); the state, time limit, timeline entry and event are {@link IncidentProcedure}'s.
 */
@Service
class IncidentActions {

    /** A step that changes nothing but the state. */
    static final Effect<Incident, IncidentState> NONE = Effect.none();

    private final Steps steps;
    private final IncidentProcedure procedure;
    private final VersionedWrites writes;
    private final Incidents incidents;
    private final IncidentTypes types;
    private final GridPlacement placement;
    private final MongoOperations mongo;
    private final Clock clock;
    private final Outbox outbox;

    IncidentActions(Steps steps, IncidentProcedure procedure, VersionedWrites writes, Incidents incidents,
            IncidentTypes types, GridPlacement placement, MongoOperations mongo, Clock clock, Outbox outbox) {
        this.steps = steps;
        this.procedure = procedure;
        this.writes = writes;
        this.incidents = incidents;
        this.types = types;
        this.placement = placement;
        this.mongo = mongo;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Takes {@code action} on incident {@code id} as seen by {@code caller} (staff by area, citizens their own). */
    Incident take(Caller caller, String id, String action, String remark, Effect<Incident, IncidentState> effect) {
        return steps.take(procedure, incidents.get(caller, id), caller, action, remark, effect);
    }

    Incident simple(Caller caller, String id, String action, String remark) {
        return take(caller, id, action, remark, NONE);
    }

    Incident register(Caller caller, String id, StepRequests.Register request) {
        return take(caller, id, "register", request.remark(), classify(request, types));
    }

    Incident dispatch(Caller caller, String id, StepRequests.Dispatch request) {
        return take(caller, id, "dispatch", request.remark(), dispatchTo(request, placement));
    }

    Incident accept(Caller caller, String id, String remark) {
        return take(caller, id, "accept", remark, byTheDispatchedOfficer());
    }

    Incident giveBack(Caller caller, String id, String reason) {
        return take(caller, id, "return", reason, clearOfficer());
    }

    /** Only the citizen who reported it (anyone else: 404), and only once (EVALUATED is final). */
    Incident evaluate(Caller caller, String id, StepRequests.Evaluate request) {
        Incident incident = mongo.findOne(Query.query(Criteria.where("_id").is(id).and("reporterId")
                .is(caller.subject())), Incident.class);
        if (incident == null) {
            throw ProblemException.notFound("Incident", id);
        }
        String remark = "Rated " + request.rating() + "/5" + (request.comment() == null ? "" : ": " + request.comment());
        return steps.take(procedure, incident, caller, "evaluate", remark, rate(request.rating()));
    }

    /**
     * Supervision (督办) by a supervisor: not a step, so the state and its time limit stay as they are. An optional
     * deadline (a county day, today or later) goes into the timeline and IncidentSupervised.
     */
    Incident supervise(Caller caller, String id, StepRequests.Supervise request) {
        String reason = request.reason();
        LocalDate deadline = request.deadline();
        if (deadline != null && deadline.isBefore(LocalDate.now(clock))) {
            throw ProblemException.invalid(List.of(new FieldError("deadline", "must be today or later")));
        }
        Incident incident = incidents.get(caller, id);
        if (!incident.isOpen()) {
            throw ProblemException.conflict("Incident " + id + " is " + incident.state + "; only open incidents are "
                    + "supervised", Map.of("state", incident.state.name()));
        }
        VersionedWrites.Snapshot read = writes.read(incident);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        incident.supervised = true;
        incident.supervisions.add(new Incident.Supervision(caller.subject(), caller.name(), now, reason, false,
                deadline));
        incident.timeline.add(new Incident.TimelineEntry(incident.state, caller.subject(), now, "督办: " + reason
                + (deadline == null ? "" : " (by " + deadline + ")"), "supervise", caller.name()));
        // the handler, the grid's officer and the township's supervisors are told (notification-service's rules)
        incident.outbox.add(outbox.event(IncidentSupervised.TYPE, incident.id, new IncidentSupervised(incident.id,
                incident.caseNumber, incident.gridCode, incident.state.name(), incident.officerId,
                incident.townshipCode, caller.subject(), caller.name(), FreeText.scrub(reason), deadline, false,
                Times.local(now))));
        writes.write(incident, read);
        return incident;
    }

    /** Registration may classify: a new type drops a sub-type that belonged to the old one; 400 for a foreign one. */
    static Effect<Incident, IncidentState> classify(StepRequests.Register request, IncidentTypes types) {
        return (incident, step) -> {
            IncidentType type = request.type() != null ? request.type() : incident.type;
            String subType = request.subType() != null ? request.subType()
                    : request.type() != null && request.type() != incident.type ? null : incident.subType;
            if (!types.allows(type, subType)) {
                throw ProblemException.invalid(List.of(new FieldError("subType", "is not a sub-type of " + type)));
            }
            incident.type = type;
            incident.subType = subType;
            incident.urgency = request.urgency() != null ? request.urgency() : incident.urgency;
        };
    }

    /** Into a grid of the caller's area (403 otherwise), to a named officer; places an unplaced incident. */
    static Effect<Incident, IncidentState> dispatchTo(StepRequests.Dispatch request, GridPlacement placement) {
        return (incident, step) -> {
            Visibility.requireArea(step.caller(), request.gridCode());
            Incident.Placement where = placement.inGrid(request.gridCode());
            incident.gridCode = where.gridCode();
            incident.villageCode = where.villageCode();
            incident.townshipCode = where.townshipCode();
            incident.areaCode = where.areaCode();
            incident.officerId = request.officerId();
            incident.officerName = request.officerName();
        };
    }

    /** Only the officer it was dispatched to takes it (another officer of the area gets 403). */
    static Effect<Incident, IncidentState> byTheDispatchedOfficer() {
        return (incident, step) -> {
            if (!step.caller().subject().equals(incident.officerId)) {
                throw ProblemException.forbidden("Incident " + incident.id + " was dispatched to "
                        + incident.officerId + "; only that officer may accept it");
            }
        };
    }

    /** A return clears the officer, so the incident can be dispatched again. */
    static Effect<Incident, IncidentState> clearOfficer() {
        return (incident, step) -> {
            incident.officerId = null;
            incident.officerName = null;
        };
    }

    static Effect<Incident, IncidentState> rate(int rating) {
        return (incident, step) -> incident.rating = rating;
    }
}
