package org.tanchang.grid.gridservice.grid;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Looks grids up for the rest of grid-service. */
@Component
public class GridDirectory {

    private final MongoOperations mongo;

    GridDirectory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<Grid> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Grid.class));
    }

    List<Grid> list(String townshipCode, String villageCode) {
        Query query = new Query().with(Sort.by("_id"));
        if (townshipCode != null) {
            query.addCriteria(Criteria.where("townshipCode").is(townshipCode));
        }
        if (villageCode != null) {
            query.addCriteria(Criteria.where("villageCode").is(villageCode));
        }
        return mongo.find(query, Grid.class);
    }
}
