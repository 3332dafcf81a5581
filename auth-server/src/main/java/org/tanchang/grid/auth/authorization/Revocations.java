package org.tanchang.grid.auth.authorization;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Forgets every authorization of a person or a client, so their refresh tokens (and codes not yet exchanged) stop
 * working at once; access tokens already issued are self-contained JWTs and run out within their short lifetime
 * ({@code tanchang.auth.access-token-ttl}).
 */
@Component
public class Revocations {

    private final MongoOperations mongo;

    Revocations(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** @return how many authorizations were forgotten */
    public long ofPerson(String username) {
        return remove(Criteria.where("principalName").is(username));
    }

    /** @return how many authorizations were forgotten */
    public long ofClient(String registeredClientId) {
        return remove(Criteria.where("registeredClientId").is(registeredClientId));
    }

    private long remove(Criteria criteria) {
        return mongo.remove(Query.query(criteria), AuthorizationDocument.class).getDeletedCount();
    }
}
