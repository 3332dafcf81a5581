package org.tanchang.grid.gridservice.area;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the non-grid nodes of the tree for the rest of grid-service. */
@Component
public class AreaDirectory {

    private final MongoOperations mongo;
    private final String countyCode;

    AreaDirectory(MongoOperations mongo, @Value("${tanchang.grid.county-code:621223}") String countyCode) {
        this.mongo = mongo;
        this.countyCode = countyCode;
    }

    public String countyCode() {
        return countyCode;
    }

    public Optional<Area> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(mongo.findById(code, Area.class));
    }

    List<Area> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Area.class);
    }
}
