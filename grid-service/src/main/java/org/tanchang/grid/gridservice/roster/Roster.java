package org.tanchang.grid.gridservice.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.grid.RosterAssignmentChanged;
import org.tanchang.grid.gridservice.area.AreaDirectory;
import org.tanchang.grid.gridservice.grid.GridDirectory;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;

/** The responsibility roster: assignments with their terms, each change published as RosterAssignmentChanged. */
@Service
class Roster {

    private final MongoOperations mongo;
    private final AreaDirectory areas;
    private final GridDirectory grids;
    private final RosterProperties properties;
    private final Outbox outbox;
    private final Clock clock;

    Roster(MongoOperations mongo, AreaDirectory areas, GridDirectory grids, RosterProperties properties,
            Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.areas = areas;
        this.grids = grids;
        this.properties = properties;
        this.outbox = outbox;
        this.clock = clock;
    }

    RosterView assign(Caller caller, String areaCode, RosterRequests.Assign request) {
        Visibility.requireArea(caller, areaCode);
        requireExists(areaCode);
        if (properties.singleHolderRoles().contains(request.role())) {
            endPredecessor(caller, areaCode, request);
        }
        RosterAssignment a = new RosterAssignment();
        a.id = "ra-" + UUID.randomUUID();
        a.areaCode = areaCode;
        a.role = request.role();
        a.personId = request.personId();
        a.personName = request.personName();
        a.validFrom = request.validFrom().toString();
        a.validTo = request.validTo() == null ? null : request.validTo().toString();
        a.version = 1;
        a.changedBy = caller.subject();
        a.changedAt = clock.instant();
        a.outbox.add(event(a));
        mongo.insert(a);
        return RosterView.of(a);
    }

    /** Who held which post on the day (or the whole history without a day), of an area in the caller's scope. */
    List<RosterView> roster(Caller caller, String areaCode, LocalDate on) {
        if (!Visibility.sees(caller, areaCode, null)) {
            throw ProblemException.notFound("Area", areaCode);
        }
        requireExists(areaCode);
        List<Criteria> conditions = new ArrayList<>(List.of(Criteria.where("areaCode").is(areaCode)));
        if (on != null) {
            conditions.add(Criteria.where("validFrom").lte(on.toString()));
            conditions.add(new Criteria().orOperator(Criteria.where("validTo").is(null),
                    Criteria.where("validTo").gte(on.toString())));
        }
        Query query = Query.query(new Criteria().andOperator(conditions)).with(Sort.by("role", "validFrom", "_id"));
        query.fields().exclude("outbox");
        return mongo.find(query, RosterAssignment.class).stream().map(RosterView::of).toList();
    }

    RosterView end(Caller caller, String id, LocalDate validTo) {
        Query visible = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Visibility.criteria(caller, "areaCode", null)));
        RosterAssignment a = mongo.findOne(visible, RosterAssignment.class);
        if (a == null) {
            throw ProblemException.notFound("Roster assignment", id);
        }
        if (validTo.isBefore(LocalDate.parse(a.validFrom))) {
            throw ProblemException.invalid(List.of(new FieldError("validTo",
                    "must not be before validFrom " + a.validFrom)));
        }
        return RosterView.of(changeEnd(caller, a, validTo.toString()));
    }

    private void endPredecessor(Caller caller, String areaCode, RosterRequests.Assign request) {
        Query open = Query.query(Criteria.where("areaCode").is(areaCode).and("role").is(request.role())
                .and("validTo").is(null).and("validFrom").lt(request.validFrom().toString()));
        for (RosterAssignment previous : mongo.find(open, RosterAssignment.class)) {
            changeEnd(caller, previous, request.validFrom().minusDays(1).toString());
        }
    }

    /** One conditional write of the new term, version and event; a concurrent change makes it miss (409). */
    private RosterAssignment changeEnd(Caller caller, RosterAssignment a, String validTo) {
        long based = a.version;
        a.validTo = validTo;
        a.version = based + 1;
        a.changedBy = caller.subject();
        a.changedAt = clock.instant();
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(a.id).and("version").is(based)),
                new Update().set("validTo", validTo).set("version", a.version).set("changedBy", a.changedBy)
                        .set("changedAt", a.changedAt).push("outbox", event(a)), RosterAssignment.class);
        if (result.getMatchedCount() == 0) {
            throw ProblemException.conflict("Roster assignment " + a.id + " was changed meanwhile", Map.of());
        }
        return a;
    }

    private void requireExists(String areaCode) {
        boolean exists = areaCode.length() == 15 ? grids.find(areaCode).isPresent() : areas.find(areaCode).isPresent();
        if (!exists) {
            throw ProblemException.notFound("Area", areaCode);
        }
    }

    private OutboxEvent event(RosterAssignment a) {
        return outbox.event(RosterAssignmentChanged.TYPE, a.areaCode, new RosterAssignmentChanged(a.id, a.areaCode,
                a.role, a.personId, a.personName, LocalDate.parse(a.validFrom),
                a.validTo == null ? null : LocalDate.parse(a.validTo), a.version));
    }
}
