package org.tanchang.grid.auth.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Readiness on MongoDB with {@code ping}, which both mongod and the local wire server answer (Boot's own indicator
 * sends {@code hello}, which the wire server does not; it is disabled in application.yml).
 */
@Component("mongoPing")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoOperations mongo;

    MongoPingHealthIndicator(MongoOperations mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("ok", reply.get("ok"));
    }
}
