package org.tanchang.grid.auth.admin;

import java.time.Clock;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.web.Page;

/**
 * The auth server's own append-only trail of account and client changes. Not the platform's audit (hash-chained,
 * per service): that lives in {@code platform} with the outbox and Kafka, which the identity provider does not run;
 * this one is written only by {@link #record} (insert, never update or delete) and read by admins.
 */
@Component
public class AuditTrail {

    private final MongoOperations mongo;
    private final Clock clock = Clock.systemUTC();

    AuditTrail(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public void record(String actor, String actorRole, String action, String targetType, String targetId,
            Map<String, Object> details) {
        mongo.insert(new AuditEntry(null, clock.instant(), actor, actorRole, action, targetType, targetId,
                details == null ? Map.of() : details));
    }

    Page<AuditEntry> list(String targetId, int page, int size) {
        Query filter = targetId == null || targetId.isBlank() ? new Query()
                : Query.query(Criteria.where("targetId").is(targetId));
        return Page.query(mongo, filter, AuditEntry.class, Sort.by(Sort.Direction.DESC, "at"), page, size, e -> e);
    }
}
