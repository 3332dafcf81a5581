package org.tanchang.grid.platform.audit;

import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.web.Page;

/**
 * Reads of the audit trail for the supervisor query (the endpoint comes with security, issue 3). Who may query
 * and in which scope is the caller's business; this filters in the query and pages, newest first.
 */
public class AuditQueries {

    public static final int MAX_SIZE = 100;

    private final MongoOperations mongo;

    public AuditQueries(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Records matching every given filter (null means any), newest first. Times are a half-open range
     * {@code [from, to)}. Records of the same millisecond come in sequence order (the platform's page order breaks
     * ties by ascending {@code _id}); times never decrease along the chain, so this is otherwise strictly newest
     * first.
     *
     * @throws IllegalArgumentException for a negative page, a size outside 1..{@value #MAX_SIZE} or {@code from}
     *                                  after {@code to}; an endpoint turns these into a 400
     */
    public Page<AuditRecord> find(String actor, String objectType, String objectId, String action, Instant from,
            Instant to, int page, int size) {
        return find(actor, objectType, objectId, action, null, from, to, page, size);
    }

    /** As above, also by the named operation ({@code incident.void}). */
    public Page<AuditRecord> find(String actor, String objectType, String objectId, String action, String operation,
            Instant from, Instant to, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        Filters filters = Filters.where().is("actor", actor).is("objectType", objectType).is("objectId", objectId)
                .is("action", action).is("operation", operation);
        // one criteria on "time": a query may not name the same field twice
        if (from != null && to != null) {
            filters.matching(Criteria.where("time").gte(from).lt(to));
        } else if (from != null) {
            filters.matching(Criteria.where("time").gte(from));
        } else {
            filters.before("time", to);
        }
        return Page.query(mongo, filters.query(), AuditRecord.class, Sort.by(Sort.Direction.DESC, "time"), page,
                size, record -> record);
    }
}
