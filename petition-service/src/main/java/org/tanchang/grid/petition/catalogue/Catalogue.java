package org.tanchang.grid.petition.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Read access to the catalogue for the other features; the catalogue itself is written only by the seeder. */
@Component
public class Catalogue {

    private final MongoOperations mongo;

    Catalogue(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<CatalogueItem> find(String code) {
        return Optional.ofNullable(code == null ? null : mongo.findById(code, ServiceItem.class)).map(CatalogueItem::of);
    }

    public List<CatalogueItem> all() {
        return mongo.find(new Query().with(Sort.by("_id")), ServiceItem.class).stream().map(CatalogueItem::of).toList();
    }
}
