package org.tanchang.grid.petition.catalogue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Read access to the catalogue for the other features. The catalogue is written only by the seeder at start-up
 * (from the file every instance ships with), so it is read from the store once and kept: every submission and
 * most steps look up their item, and a store round trip each time was a measurable part of the window's response.
 * The seeder calls {@link #forget()} after it wrote.
 */
@Component
public class Catalogue {

    private final MongoOperations mongo;
    private volatile Map<String, CatalogueItem> items;

    Catalogue(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<CatalogueItem> find(String code) {
        return Optional.ofNullable(code == null ? null : items().get(code));
    }

    public List<CatalogueItem> all() {
        return List.copyOf(items().values());
    }

    /** The next read loads the catalogue from the store again. */
    void forget() {
        items = null;
    }

    private Map<String, CatalogueItem> items() {
        Map<String, CatalogueItem> loaded = items;
        if (loaded == null) {
            Map<String, CatalogueItem> byCode = new LinkedHashMap<>();
            mongo.find(new Query().with(Sort.by("_id")), ServiceItem.class).stream().map(CatalogueItem::of)
                    .forEach(item -> byCode.put(item.code(), item));
            loaded = Collections.unmodifiableMap(byCode);
            items = loaded;
        }
        return loaded;
    }
}
