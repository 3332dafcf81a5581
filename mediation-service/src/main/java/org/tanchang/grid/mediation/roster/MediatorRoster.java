package org.tanchang.grid.mediation.roster;

import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.grid.RosterAssignmentChanged;
import org.tanchang.grid.contracts.grid.RosterRole;

/**
 * This service's copy of the mediators on grid-service's roster (人民调解员 of each grid, township and the county),
 * so escalating a dispute never needs a call to grid-service. Kept from RosterAssignmentChanged events.
 */
@Service
public class MediatorRoster {

    static final String COLLECTION = "mediator_roster";

    private final MongoOperations mongo;

    MediatorRoster(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies one assignment unless a picture of the same or a later version is stored: the filter only matches an
     * older version, so for a newer or equal one the upsert's insert collides with the existing id and nothing
     * changes. A redelivery or a replay has no effect. Returns whether the copy changed.
     */
    boolean apply(RosterAssignmentChanged a) {
        Query older = Query.query(Criteria.where("_id").is(a.assignmentId()).and("version").lt(a.version()));
        Update picture = new Update().set("areaCode", a.areaCode()).set("role", a.role().name())
                .set("personId", a.personId()).set("personName", a.personName())
                .set("validFrom", a.validFrom()).set("validTo", a.validTo()).set("version", a.version());
        try {
            mongo.upsert(older, picture, COLLECTION);
            return true;
        } catch (DuplicateKeyException sameOrNewerStored) {
            return false;
        }
    }

    /** The person ids of the mediators in post for exactly this area (grid, township or county) on that day. */
    public List<String> mediatorsOf(String areaCode, LocalDate day) {
        Query query = Query.query(new Criteria().andOperator(
                Criteria.where("areaCode").is(areaCode), Criteria.where("role").is(RosterRole.MEDIATOR.name()),
                new Criteria().orOperator(Criteria.where("validFrom").is(null), Criteria.where("validFrom").lte(day)),
                new Criteria().orOperator(Criteria.where("validTo").is(null), Criteria.where("validTo").gte(day))))
                .with(Sort.by("personId"));
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream()
                .map(d -> d.getString("personId")).toList();
    }
}
