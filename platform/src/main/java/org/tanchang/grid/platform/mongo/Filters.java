package org.tanchang.grid.platform.mongo;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A list query from optional filter parameters, as list endpoints take them: a null parameter means "any".
 * Filtering happens in the query, never after loading.
 */
public final class Filters {

    private final Query query = new Query();

    private Filters() {
    }

    public static Filters where() {
        return new Filters();
    }

    public Filters is(String field, Object value) {
        return matching(value == null ? null : Criteria.where(field).is(value));
    }

    public Filters before(String field, Object exclusiveBound) {
        return matching(exclusiveBound == null ? null : Criteria.where(field).lt(exclusiveBound));
    }

    /** Any other condition; null adds nothing. */
    public Filters matching(Criteria criteria) {
        if (criteria != null) {
            query.addCriteria(criteria);
        }
        return this;
    }

    public Query query() {
        return query;
    }
}
