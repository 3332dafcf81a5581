package org.tanchang.grid.petition.request;

import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.ProblemException;

/** Reads requests within the caller's scope and writes them by conditional update on their version. */
@Component
class RequestStore {

    private final MongoOperations mongo;

    RequestStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Staff see requests of their areas; a citizen sees what they submitted. */
    static Criteria visibleTo(Caller caller) {
        return Visibility.criteria(caller, "gridCode", "citizenId");
    }

    ServiceRequest get(Caller caller, String id) {
        ServiceRequest request = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                visibleTo(caller))), ServiceRequest.class);
        if (request == null) {
            throw ProblemException.notFound("Request", id);
        }
        return request;
    }

    void insert(ServiceRequest request) {
        mongo.insert(request);
    }

    /**
     * Applies {@code update} and appends {@code events} if the request is still at the version it was read at;
     * otherwise someone else changed it meanwhile (409). Pushing only the new events keeps the relay's removals
     * of already published ones intact, which a whole-document save would undo. Returns the request as written,
     * in the same round trip (findAndModify), since every caller answers with it.
     */
    ServiceRequest update(ServiceRequest loaded, Update update, List<OutboxEvent> events) {
        Query unchanged = Query.query(Criteria.where("_id").is(loaded.id).and("version").is(loaded.version));
        update.inc("version", 1);
        if (!events.isEmpty()) {
            update.push("outbox").each(events.toArray());
        }
        ServiceRequest written = mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true),
                ServiceRequest.class);
        if (written == null) {
            throw ProblemException.conflict("Request " + loaded.number + " was changed meanwhile; reload it",
                    Map.of("state", loaded.state.name()));
        }
        return written;
    }
}
