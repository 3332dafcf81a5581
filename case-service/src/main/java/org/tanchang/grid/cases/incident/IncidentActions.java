package org.tanchang.grid.cases.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.incident.IncidentSupervised;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;

/** What each workflow action checks and changes besides the state (the state and timeline are {@link IncidentSteps}). */
@Service
class IncidentActions {

    private final IncidentSteps steps;
    private final Incidents incidents;
    private final IncidentTypes types;
    private final GridPlacement placement;
    private final MongoOperations mongo;
    private final Clock clock;
    private final Outbox outbox;

    IncidentActions(IncidentSteps steps, Incidents incidents, IncidentTypes types, GridPlacement placement,
            MongoOperations mongo, Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.steps = steps;
        this.incidents = incidents;
        this.types = types;
        this.placement = placement;
        this.mongo = mongo;
        this.clock = clock;
    }

    Incident simple(Caller caller, String id, String action, String remark) {
        return steps.take(caller, id, action, remark, IncidentSteps.Change.NONE);
    }

    Incident register(Caller caller, String id, StepRequests.Register request) {
        return steps.take(caller, id, "register", request.remark(), (incident, update) -> {
            IncidentType type = request.type() != null ? request.type() : incident.type;
            String subType = request.subType() != null ? request.subType()
                    : request.type() != null && request.type() != incident.type ? null : incident.subType;
            if (!types.allows(type, subType)) {
                throw ProblemException.invalid(List.of(new FieldError("subType", "is not a sub-type of " + type)));
            }
            incident.type = type;
            incident.subType = subType;
            incident.urgency = request.urgency() != null ? request.urgency() : incident.urgency;
            update.set("type", incident.type).set("subType", subType).set("urgency", incident.urgency);
        });
    }

    /** Into a grid of the caller's area (403 otherwise), to a named officer; places an unplaced incident. */
    Incident dispatch(Caller caller, String id, StepRequests.Dispatch request) {
        return steps.take(caller, id, "dispatch", request.remark(), (incident, update) -> {
            Visibility.requireArea(caller, request.gridCode());
            Incident.Placement where = placement.inGrid(request.gridCode());
            incident.gridCode = where.gridCode();
            incident.villageCode = where.villageCode();
            incident.townshipCode = where.townshipCode();
            incident.areaCode = where.areaCode();
            incident.officerId = request.officerId();
            incident.officerName = request.officerName();
            update.set("gridCode", incident.gridCode).set("villageCode", incident.villageCode)
                    .set("townshipCode", incident.townshipCode).set("areaCode", incident.areaCode)
                    .set("officerId", incident.officerId).set("officerName", incident.officerName);
        });
    }

    /** Only the officer it was dispatched to takes it (another officer of the area gets 403). */
    Incident accept(Caller caller, String id, String remark) {
        return steps.take(caller, id, "accept", remark, (incident, update) -> {
            if (!caller.subject().equals(incident.officerId)) {
                throw ProblemException.forbidden("Incident " + id + " was dispatched to " + incident.officerId
                        + "; only that officer may accept it");
            }
        });
    }

    /** A return clears the officer, so the incident can be dispatched again. */
    Incident giveBack(Caller caller, String id, String reason) {
        return steps.take(caller, id, "return", reason, (incident, update) -> {
            incident.officerId = null;
            incident.officerName = null;
            update.set("officerId", null).set("officerName", null);
        });
    }

    /** Only the citizen who reported it, and only once (EVALUATED is final). */
    Incident evaluate(Caller caller, String id, StepRequests.Evaluate request) {
        Incident incident = mongo.findOne(Query.query(Criteria.where("_id").is(id).and("reporterId")
                .is(caller.subject())), Incident.class);
        if (incident == null) {
            throw ProblemException.notFound("Incident", id);
        }
        String remark = "Rated " + request.rating() + "/5" + (request.comment() == null ? "" : ": " + request.comment());
        return steps.take(caller, incident, "evaluate", remark, (i, update) -> {
            i.rating = request.rating();
            update.set("rating", i.rating);
        });
    }

    /** Supervision (督办) by a supervisor: not a step, so the state and its time limit stay as they are. */
    Incident supervise(Caller caller, String id, String reason) {
        Incident incident = incidents.get(caller, id);
        if (!incident.isOpen()) {
            throw ProblemException.conflict("Incident " + id + " is " + incident.state + "; only open incidents are "
                    + "supervised", java.util.Map.of("state", incident.state.name()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Incident.Supervision supervision = new Incident.Supervision(caller.subject(), caller.name(), now, reason, false);
        Incident.TimelineEntry entry = new Incident.TimelineEntry(incident.state, caller.subject(), now,
                "督办: " + reason, "supervise", caller.name());
        incident.supervised = true;
        incident.supervisions.add(supervision);
        incident.timeline.add(entry);
        // the handler, the grid's officer and the township's supervisors are told (notification-service's rules)
        var event = outbox.event(IncidentSupervised.TYPE, incident.id, new IncidentSupervised(incident.id,
                incident.caseNumber, incident.gridCode, incident.state.name(), incident.officerId,
                incident.townshipCode, caller.subject(), caller.name(), FreeText.scrub(reason), null, false,
                Times.local(now)));
        steps.write(incident, new Update().set("supervised", true).push("supervisions", supervision)
                .push("timeline", entry).push("outbox", event));
        return incident;
    }
}
