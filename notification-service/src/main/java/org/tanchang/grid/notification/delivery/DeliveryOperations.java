package org.tanchang.grid.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;

/** What an operator does with deliveries: list them by status and give a dead one another round of attempts. */
@Service
class DeliveryOperations {

    private final MongoOperations mongo;
    private final Clock clock;

    DeliveryOperations(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Page<DeliveryView> list(DeliveryStatus status, Channel channel, String recipientId, int page, int size) {
        Query query = Filters.where().is("status", status).is("channel", channel).is("recipientId", recipientId)
                .query();
        return Page.query(mongo, query, Delivery.class, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")),
                page, size, DeliveryView::of);
    }

    /** DEAD → PENDING with a fresh count of attempts, due now; anything else is a conflict (no double sending). */
    DeliveryView replay(String id) {
        Instant now = clock.instant();
        Delivery replayed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("status").is(DeliveryStatus.DEAD)),
                new Update().set("status", DeliveryStatus.PENDING).set("attempts", 0).set("nextAttemptAt", now)
                        .set("claimedUntil", Instant.EPOCH),
                FindAndModifyOptions.options().returnNew(true), Delivery.class);
        if (replayed != null) {
            return DeliveryView.of(replayed);
        }
        Delivery existing = mongo.findById(id, Delivery.class);
        if (existing == null) {
            throw ProblemException.notFound("Delivery", id);
        }
        throw ProblemException.conflict("Only a DEAD delivery can be replayed; this one is " + existing.status,
                Map.of("status", existing.status.name()));
    }
}
